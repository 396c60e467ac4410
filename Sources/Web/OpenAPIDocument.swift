/// The JSON API's description, served at /openapi.yaml. A test holds it and the router to the
/// same paths and methods: a route missing here, or a path here with no route, fails it.
public enum OpenAPIDocument {
    public static let yaml = #"""
        openapi: 3.1.0
        info:
          title: CrossBorder API
          version: 1.0.0
          description: |
            Cross-border commerce: overseas stores priced in CNY, escrowed payments, customs and logistics.
            Amounts are decimal strings in major units with exactly the currency's ISO 4217 digits
            ("12.34" USD, "1500" JPY). Errors are application/problem+json (RFC 9457) with a stable
            `type` and, where one field is at fault, `field`. Every call that changes data takes an
            `Idempotency-Key` header: a retry with the same key and body returns the first response
            (marked `Idempotent-Replayed: true`); the same key with another body is a 422.
        servers:
          - url: http://127.0.0.1:8080
        paths:
          /healthz:
            get:
              summary: The process is alive.
              responses:
                "200": { description: Alive, content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
          /readyz:
            get:
              summary: The database is reachable and its schema is current.
              responses:
                "200": { description: Ready, content: { application/json: { schema: { $ref: "#/components/schemas/Health" } } } }
                "503": { $ref: "#/components/responses/Problem" }
          /metrics:
            get:
              summary: Prometheus metrics (requests by route and status, latency, database transactions).
              responses:
                "200": { description: Prometheus text format, content: { text/plain: { schema: { type: string } } } }
          /openapi.yaml:
            get:
              summary: This document.
              responses:
                "200": { description: OpenAPI 3.1, content: { application/yaml: { schema: { type: string } } } }
          /api/v1/stores:
            get:
              summary: Every storefront with its merchant.
              responses:
                "200":
                  description: The storefronts.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [stores]
                        properties:
                          stores: { type: array, items: { $ref: "#/components/schemas/Store" } }
          /api/v1/currencies:
            get:
              summary: The ISO 4217 currencies the platform knows, with their minor-unit digits.
              responses:
                "200": { description: Currencies, content: { application/json: { schema: { $ref: "#/components/schemas/Currencies" } } } }
          /api/v1/fx/rates:
            get:
              summary: The newest rate of every currency pair, and whether it is young enough to use.
              responses:
                "200":
                  description: Rates.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [maxAgeSeconds, rates]
                        properties:
                          maxAgeSeconds: { type: integer }
                          rates: { type: array, items: { $ref: "#/components/schemas/Rate" } }
            post:
              summary: Record an exchange rate (ops).
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [base, quote, rate, source]
                      properties:
                        base: { type: string, example: USD }
                        quote: { type: string, example: CNY }
                        rate: { type: string, description: "Exact decimal, units of quote per unit of base", example: "7.1180" }
                        source: { type: string, example: PBoC central parity }
                        asOf: { type: string, format: date-time, description: Defaults to now; never in the future. }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "201": { description: Recorded, content: { application/json: { schema: { $ref: "#/components/schemas/Rate" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/fx/convert:
            get:
              summary: Convert an amount at the rate in force, rounding half-even, with the exact remainder.
              parameters:
                - { name: amount, in: query, required: true, schema: { type: string }, example: "59.00" }
                - { name: from, in: query, required: true, schema: { type: string }, example: USD }
                - { name: to, in: query, required: true, schema: { type: string }, example: CNY }
              responses:
                "200":
                  description: The conversion.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [amount, from, to, converted, rate, rounding, remainderMinorUnits]
                        properties:
                          amount: { type: string }
                          from: { type: string }
                          to: { type: string }
                          converted: { type: string }
                          rate: { $ref: "#/components/schemas/Rate" }
                          rounding: { type: string, enum: [halfEven, halfUp] }
                          remainderMinorUnits: { type: string, description: "Exact leftover in minor units of `to`" }
                "422": { $ref: "#/components/responses/Problem" }
                "503": { $ref: "#/components/responses/Problem" }
          /api/v1/products:
            get:
              summary: Browse and search the catalogue, in Chinese or English, with CNY prices.
              parameters:
                - { name: q, in: query, schema: { type: string, maxLength: 200 }, example: 坚果 }
                - { name: store, in: query, schema: { type: string }, description: A store's slug }
                - { name: category, in: query, schema: { type: string } }
                - { name: sort, in: query, schema: { type: string, enum: [relevance, price_asc, price_desc, newest] } }
                - { name: page, in: query, schema: { type: integer, minimum: 1, maximum: 10000 } }
                - { name: pageSize, in: query, schema: { type: integer, minimum: 1, maximum: 100 } }
              responses:
                "200":
                  description: One page of products.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/ProductPage" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/products/{id}:
            get:
              summary: One product with its SKUs, priced in the merchant's currency and in CNY.
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: The product, content: { application/json: { schema: { $ref: "#/components/schemas/Product" } } } }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/products:
            get:
              summary: The calling merchant's products, with stock on hand and reserved.
              security: [{ merchant: [] }]
              parameters:
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 200 } }
                - { name: offset, in: query, schema: { type: integer, minimum: 0, maximum: 1000000 } }
              responses:
                "200": { description: Products, content: { application/json: { schema: { $ref: "#/components/schemas/ProductList" } } } }
                "422": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
            post:
              summary: Create a product (or replace one of the merchant's own with the same id).
              security: [{ merchant: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json: { schema: { $ref: "#/components/schemas/ProductDraft" } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "201": { description: Saved, content: { application/json: { schema: { $ref: "#/components/schemas/Product" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/products/{id}:
            get:
              summary: One of the merchant's products.
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The product, content: { application/json: { schema: { $ref: "#/components/schemas/Product" } } } }
                "404": { $ref: "#/components/responses/Problem" }
            put:
              summary: Replace one of the merchant's products.
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json: { schema: { $ref: "#/components/schemas/ProductDraft" } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "200": { description: Saved, content: { application/json: { schema: { $ref: "#/components/schemas/Product" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/products/{id}/photos/{size}:
            put:
              summary: "Send the product's photo at one size: tile (at most 480 px on its longer side, 300 kB) or page (at most 1600 px, 1.5 MB), at least 160 and 400 px on the shorter side. JPEG or PNG, its type and size read from its bytes. The shop shows the tile in grids and the page on the product's page; a size not sent is served from the other."
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: size, in: path, required: true, schema: { type: string, enum: [tile, page] } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  image/jpeg: { schema: { type: string, format: binary } }
                  image/png: { schema: { type: string, format: binary } }
              responses:
                "200":
                  description: Kept
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [productId, size, contentType, width, height, url]
                        properties:
                          productId: { type: string }
                          size: { type: string, enum: [tile, page] }
                          contentType: { type: string, enum: [image/jpeg, image/png] }
                          width: { type: integer }
                          height: { type: integer }
                          url: { type: string }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "415": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/products/import:
            post:
              summary: Create or replace many products at once, all or none (JSON, or CSV with one row per SKU).
              security: [{ merchant: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [products]
                      properties:
                        products: { type: array, items: { $ref: "#/components/schemas/ProductDraft" } }
                  text/csv:
                    schema:
                      type: string
                      description: "Header: id,name_en,name_zh,description_en,description_zh,category,brand,hs_code,origin_country,ships_to_china,no_ship_reason_en,no_ship_reason_zh,sku_id,variant_en,variant_zh,price,weight_grams,stock"
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "200":
                  description: Imported.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [imported, productIds]
                        properties:
                          imported: { type: integer }
                          productIds: { type: array, items: { type: string } }
                "400": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/skus/{id}:
            patch:
              summary: Change one SKU's price, stock or both.
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        price: { type: string, example: "13.00" }
                        stock: { type: integer, minimum: 0 }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "200": { description: The product after the change, content: { application/json: { schema: { $ref: "#/components/schemas/Product" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/consumers:
            post:
              summary: Sign up as a buyer.
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [email, password]
                      properties:
                        email: { type: string, format: email }
                        password: { type: string, minLength: 10, maxLength: 128 }
                        displayName: { type: string }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: The account, content: { application/json: { schema: { $ref: "#/components/schemas/Consumer" } } } }
                "409": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/sessions:
            post:
              summary: "Sign in; answers with a session token for `Authorization: Bearer`. Five failures in fifteen minutes lock the address out for a while (429, with Retry-After)."
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [email, password]
                      properties:
                        email: { type: string }
                        password: { type: string }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "201":
                  description: Signed in.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [token, consumer]
                        properties:
                          token: { type: string }
                          consumer: { $ref: "#/components/schemas/Consumer" }
                "401": { $ref: "#/components/responses/Problem" }
                "429": { $ref: "#/components/responses/Problem" }
          /api/v1/sessions/current:
            delete:
              summary: Sign out.
              security: [{ session: [] }]
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "204": { description: Signed out. }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/me/addresses:
            get:
              summary: The buyer's delivery addresses; mobile numbers masked.
              security: [{ session: [] }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: Addresses, content: { application/json: { schema: { $ref: "#/components/schemas/AddressList" } } } }
            post:
              summary: Add a delivery address in mainland China.
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [province, city, district, street, recipient, mobile]
                      properties:
                        province: { type: string, example: 上海市 }
                        city: { type: string }
                        district: { type: string }
                        street: { type: string }
                        recipient: { type: string }
                        mobile: { type: string, example: "13800138000" }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: Saved; the mobile number comes back masked, content: { application/json: { schema: { $ref: "#/components/schemas/Address" } } } }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/notices:
            get:
              summary: The buyer's messages (an order paid, declared, shipped, delivered, refunded, a parcel held), newest first, in the request's language; reading them here marks nothing read.
              security: [{ session: [] }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: Messages, content: { application/json: { schema: { $ref: "#/components/schemas/NoticeList" } } } }
          /api/v1/me/notices/read:
            post:
              summary: Mark the buyer's messages read (those an app showed); unknown or others' ids change nothing.
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [ids], properties: { ids: { type: array, maxItems: 500, items: { type: string } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200":
                  description: How many are still unread
                  content: { application/json: { schema: { type: object, required: [unread], properties: { unread: { type: integer, minimum: 0 } } } } }
          /api/v1/me/identity:
            get:
              summary: The buyer's real-name identity (masked), whether it is pre-approved, and this year's cross-border allowance.
              security: [{ session: [] }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The identity, content: { application/json: { schema: { $ref: "#/components/schemas/Identity" } } } }
                "404": { $ref: "#/components/responses/Problem" }
            put:
              summary: Enrol or correct the real-name identity (ePass); it is checked at once. PUT is idempotent by nature.
              security: [{ session: [] }]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name, idNumber, mobile]
                      properties:
                        name: { type: string, example: 王小明 }
                        idNumber: { type: string, description: "18 characters, GB 11643 check character", example: 11010519491231002X }
                        mobile: { type: string, example: "13800138000" }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "200": { description: Checked; everything comes back masked, content: { application/json: { schema: { $ref: "#/components/schemas/Identity" } } } }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/cart:
            get:
              summary: The buyer's cart (one cart across stores).
              security: [{ session: [] }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The cart, content: { application/json: { schema: { $ref: "#/components/schemas/Cart" } } } }
          /api/v1/me/cart/lines/{sku}:
            put:
              summary: Set a line's quantity (0 removes it). PUT is idempotent by nature and takes no key.
              security: [{ session: [] }]
              parameters:
                - { name: sku, in: path, required: true, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [quantity], properties: { quantity: { type: integer, minimum: 0, maximum: 999 } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "200": { description: The cart, content: { application/json: { schema: { $ref: "#/components/schemas/Cart" } } } }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/quotes:
            post:
              summary: Fix the cart's landed cost (goods, freight, tax in CNY) per merchant parcel for 15 minutes, each with its delivery estimate.
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
                - $ref: "#/components/parameters/DeviceID"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [addressId], properties: { addressId: { type: string } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: The quote, content: { application/json: { schema: { $ref: "#/components/schemas/Quote" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "503": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/orders:
            get:
              summary: The merchant's orders, newest first, with their lines and timelines; by status when given (paid and declared ones are to ship).
              security: [{ merchant: [] }]
              parameters:
                - { name: status, in: query, required: false, schema: { type: string, enum: [created, paid, declared, shipped, cleared, delivered, completed, cancelled, refunded] } }
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: Orders, content: { application/json: { schema: { $ref: "#/components/schemas/OrderList" } } } }
          /api/v1/me/orders:
            get:
              summary: The buyer's orders with their timelines.
              security: [{ session: [] }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: Orders, content: { application/json: { schema: { $ref: "#/components/schemas/OrderList" } } } }
            post:
              summary: Place the orders of a quote, one per merchant; stock is reserved or nothing is placed.
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
                - $ref: "#/components/parameters/DeviceID"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [quoteId], properties: { quoteId: { type: string } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "201":
                  description: Placed.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Placed" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
          /api/v1/me/orders/{id}:
            get:
              summary: One order with its lines, landed cost and timeline.
              security: [{ session: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The order, content: { application/json: { schema: { $ref: "#/components/schemas/Order" } } } }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/me/orders/{id}/cancel:
            post:
              summary: Cancel an unpaid order; its stock is released.
              security: [{ session: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: Cancelled, content: { application/json: { schema: { $ref: "#/components/schemas/OrderMoved" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
          /api/v1/me/order-groups/{group}/payments:
            post:
              summary: Pay an order group's CNY total through a channel (bank or partner); the money waits in escrow.
              description: >-
                The Idempotency-Key names the payment: a replay returns the first answer, the same key with another body is a 422.
                The status may be succeeded, failed, processing (a partner confirms by callback) or unknown (a timeout, settled
                by asking the channel). payerIdNumber, when given, must be the buyer's own identity number.
              security: [{ session: [] }]
              parameters:
                - { name: group, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                content:
                  application/json:
                    schema: { type: object, properties: { channel: { type: string, enum: [bank, partner] }, payerIdNumber: { type: string } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: The payment, content: { application/json: { schema: { $ref: "#/components/schemas/Payment" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/buy-now:
            post:
              summary: One SKU straight to a paid order in one call (quote, order, allowance, stock, escrow payment).
              description: >-
                The same work as quote, order and pay. The Idempotency-Key names the order and its payment: a retry, even after a
                crash between the two, pays the order already placed rather than placing another.
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
                - $ref: "#/components/parameters/DeviceID"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [skuId, addressId]
                      properties:
                        skuId: { type: string }
                        quantity: { type: integer, minimum: 1, maximum: 999 }
                        addressId: { type: string }
                        channel: { type: string, enum: [bank, partner] }
                        payerAccount: { type: string, minLength: 1, maxLength: 64, description: "The account the channel charges (its token for the buyer's wallet or card); the risk rules link identities paid for by one account." }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: "The order group, its orders and the payment", content: { application/json: { schema: { $ref: "#/components/schemas/Bought" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/payments/{id}:
            get:
              summary: A payment of the buyer's, as it stands now.
              security: [{ session: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The payment, content: { application/json: { schema: { $ref: "#/components/schemas/Payment" } } } }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/me/orders/{id}/escrow:
            get:
              summary: Where the order's escrow stands (unpaid, held, released, refunded), with the release's two rates.
              security: [{ session: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The escrow, content: { application/json: { schema: { $ref: "#/components/schemas/Escrow" } } } }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/me/orders/{id}/confirm-delivery:
            post:
              summary: The buyer confirms delivery; escrow is released to the merchant at the rate of the moment.
              security: [{ session: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: The release, content: { application/json: { schema: { $ref: "#/components/schemas/Release" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
          /api/v1/me/orders/{id}/returns:
            post:
              summary: Ask to return an order's goods, within 30 days of customs release.
              description: >-
                Goods back within 30 days of customs release get everything paid refunded, tax included, and the annual
                allowance restored (customs.json, limit_rules). Refused with 422 before release or after the window, 409 while
                another return of the order is under way.
              security: [{ session: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [reason], properties: { reason: { type: string, minLength: 1, maxLength: 500 } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "201": { description: The return, content: { application/json: { schema: { $ref: "#/components/schemas/Return" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
            get:
              summary: The returns asked for an order, newest first.
              security: [{ session: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "200":
                  description: The returns
                  content:
                    application/json:
                      schema: { type: object, required: [returns], properties: { returns: { type: array, items: { $ref: "#/components/schemas/Return" } } } }
          /api/v1/payments/callbacks/{channel}:
            post:
              summary: A partner institution reports a payment's outcome.
              description: >-
                Signed with HMAC-SHA256 over "timestamp.body" (X-CrossBorder-Timestamp, X-CrossBorder-Signature, hex); a timestamp
                more than 300 seconds from now is refused. A report already received, or one that would move a payment backwards,
                changes nothing.
              parameters:
                - { name: channel, in: path, required: true, schema: { type: string } }
                - { name: X-CrossBorder-Timestamp, in: header, required: true, schema: { type: string } }
                - { name: X-CrossBorder-Signature, in: header, required: true, schema: { type: string } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "200": { description: Received, content: { application/json: { schema: { $ref: "#/components/schemas/Applied" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/settlement:
            get:
              summary: The merchant's escrow held (CNY), balances available and in payout (its currency), and payouts.
              security: [{ merchant: [] }]
              responses:
                "200": { description: Settlement, content: { application/json: { schema: { $ref: "#/components/schemas/Settlement" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/settlement/statement.csv:
            get:
              summary: Every move on the merchant's accounts as CSV (at, kind, reference, amount, currency, detail).
              security: [{ merchant: [] }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The statement, content: { text/csv: { schema: { type: string } } } }
          /api/v1/merchant/orders/{id}/refunds:
            post:
              summary: Refund part or all of one of the merchant's orders to the buyer's channel.
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/RefundInput" } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: The refund, content: { application/json: { schema: { $ref: "#/components/schemas/Refund" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/orders/{id}/refunds:
            post:
              summary: Refund part or all of any order (ops).
              security: [{ ops: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/RefundInput" } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: The refund, content: { application/json: { schema: { $ref: "#/components/schemas/Refund" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/orders/{id}/status:
            post:
              summary: Move a paid order on (declared, cleared, shipped, delivered), standing in for customs and the carriers.
              security: [{ ops: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody: { content: { application/json: { schema: { type: object, properties: { status: { type: string } } } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: Moved, content: { application/json: { schema: { $ref: "#/components/schemas/OrderMoved" } } } }
                "409": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/payouts/run:
            post:
              summary: Make and submit today's payout batches (one per currency; a day's batch is made once).
              security: [{ ops: [] }]
              parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }]
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: The batches made, content: { application/json: { schema: { $ref: "#/components/schemas/PayoutRun" } } } }
          /api/v1/ops/payout-batches/{id}/file:
            get:
              summary: A payout batch's ISO 20022 pain.001.001.09 file.
              security: [{ ops: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The file, content: { application/xml: { schema: { type: string } } } }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/channels/{channel}/statement.csv:
            get:
              summary: The sandbox channel's own statement (reference, type, amount, currency).
              security: [{ ops: [] }]
              parameters: [{ name: channel, in: path, required: true, schema: { type: string } }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "200": { description: The statement, content: { text/csv: { schema: { type: string } } } }
          /api/v1/ops/channels/{channel}/reconciliation:
            post:
              summary: Compare a channel's statement (CSV body) with the ledger; every mismatch is listed.
              security: [{ ops: [] }]
              parameters: [{ name: channel, in: path, required: true, schema: { type: string } }]
              requestBody: { content: { text/csv: { schema: { type: string } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "200": { description: Mismatches, content: { application/json: { schema: { $ref: "#/components/schemas/Mismatches" } } } }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/keys:
            get:
              summary: The merchant's API keys by their public ids (never the keys themselves), issued and revoked.
              security: [{ merchant: [] }]
              responses:
                "200": { description: Keys, content: { application/json: { schema: { $ref: "#/components/schemas/KeyList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/keys/{id}/revoke:
            post:
              summary: Revoke one of the merchant's own keys; the sessions opened with it end. Rotate by issuing a new key first.
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: Revoked, content: { application/json: { schema: { $ref: "#/components/schemas/KeyRevoked" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/merchants/{merchant}/keys/{id}/revoke:
            post:
              summary: Revoke a merchant's key (ops).
              security: [{ ops: [] }]
              parameters:
                - { name: merchant, in: path, required: true, schema: { type: string } }
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: Revoked, content: { application/json: { schema: { $ref: "#/components/schemas/KeyRevoked" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/work-failures:
            get:
              summary: Background work that keeps failing (refunds, status queries, declarations, hand-offs), parked items first.
              security: [{ ops: [] }]
              responses:
                "200": { description: Failing work, content: { application/json: { schema: { $ref: "#/components/schemas/WorkFailures" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/work-failures/retry:
            post:
              summary: Try a failing or parked item of background work again in its next round (ops).
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [work, item]
                      properties:
                        work: { type: string }
                        item: { type: string }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: Released for another try, content: { application/json: { schema: { $ref: "#/components/schemas/WorkReleased" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/declarations:
            get:
              summary: Customs declarations, newest first, with what the matching of the three records found (personal data masked).
              security: [{ ops: [] }]
              parameters: [{ name: status, in: query, schema: { type: string, enum: [submitted, inspection, released, rejected] } }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: Declarations, content: { application/json: { schema: { $ref: "#/components/schemas/Declarations" } } } }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/orders/{id}/shipments:
            post:
              summary: Create a shipment for one of the merchant's paid orders; returns its S10 tracking number and label page.
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [weightGrams, lengthMM, widthMM, heightMM, contents]
                      properties:
                        weightGrams: { type: integer }
                        lengthMM: { type: integer }
                        widthMM: { type: integer }
                        heightMM: { type: integer }
                        contents: { type: array, items: { type: object, properties: { hsCode: { type: string }, description: { type: string }, quantity: { type: integer }, value: { type: string } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: The shipment, content: { application/json: { schema: { $ref: "#/components/schemas/Shipment" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/logistics/events:
            post:
              summary: A logistics partner (hub, airline, customs broker, carrier) reports a tracking event.
              description: >-
                Body {eventId, trackingNumber, stage, source, at (ISO 8601), location, note}, signed with HMAC-SHA256 over
                "timestamp.body" (X-CrossBorder-Timestamp, X-CrossBorder-Signature); 300-second window. An event id already
                received changes nothing; a late event goes on the timeline but never moves the parcel or the order back.
              parameters:
                - { name: X-CrossBorder-Timestamp, in: header, required: true, schema: { type: string } }
                - { name: X-CrossBorder-Signature, in: header, required: true, schema: { type: string } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "200": { description: Received, content: { application/json: { schema: { $ref: "#/components/schemas/Applied" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/me/orders/{id}/tracking:
            get:
              summary: The order's shipments, one timeline of every source's events by event time, and the delivery estimate worked out from them.
              security: [{ session: [] }]
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: Tracking, content: { application/json: { schema: { $ref: "#/components/schemas/Tracking" } } } }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/hub/scans:
            post:
              summary: Scan a parcel in at the hub with its measured weight; a weight outside the declared one by more than 5 % (50 g at least) holds it. A second scan returns the first result.
              security: [{ ops: [] }]
              requestBody: { content: { application/json: { schema: { type: object, required: [trackingNumber, weightGrams], properties: { trackingNumber: { type: string }, weightGrams: { type: integer }, hub: { type: string } } } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: Scanned in, content: { application/json: { schema: { $ref: "#/components/schemas/Scan" } } } }
                "200": { description: Scanned before; the first result, content: { application/json: { schema: { $ref: "#/components/schemas/Scan" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/hub/bags:
            post:
              summary: Put scanned, accepted parcels into a bag.
              security: [{ ops: [] }]
              parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }]
              requestBody: { content: { application/json: { schema: { type: object, required: [bagId, trackingNumbers], properties: { bagId: { type: string }, trackingNumbers: { type: array, items: { type: string } }, hub: { type: string } } } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "200": { description: Bagged, content: { application/json: { schema: { $ref: "#/components/schemas/Bagged" } } } }
                "409": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/hub/air-waybills:
            post:
              summary: Close a master air waybill (IATA number, mod-7 check) for a flight over bags.
              security: [{ ops: [] }]
              parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }]
              requestBody: { content: { application/json: { schema: { type: object, required: [number, flight, bags], properties: { number: { type: string }, flight: { type: string }, bags: { type: array, items: { type: string } }, hub: { type: string } } } } } }
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "400": { $ref: "#/components/responses/Problem" }
                "201": { description: Closed, content: { application/json: { schema: { $ref: "#/components/schemas/AirWaybill" } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/hub/air-waybills/{number}/departure:
            post:
              summary: The flight left; every parcel on the air waybill is reported departed.
              security: [{ ops: [] }]
              parameters: [{ name: number, in: path, required: true, schema: { type: string } }]
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "200": { description: Departed, content: { application/json: { schema: { $ref: "#/components/schemas/AirWaybill" } } } }
                "409": { $ref: "#/components/responses/Problem" }
          /api/v1/hub/air-waybills/{number}/arrival:
            post:
              summary: The flight landed; every parcel on the air waybill is reported arrived.
              security: [{ ops: [] }]
              parameters: [{ name: number, in: path, required: true, schema: { type: string } }]
              responses:
                "403": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "200": { description: Arrived, content: { application/json: { schema: { $ref: "#/components/schemas/AirWaybill" } } } }
                "409": { $ref: "#/components/responses/Problem" }
          /api/v1/hub/air-waybills/{number}/manifest:
            get:
              summary: The air waybill's manifest, one line per parcel (JSON, or CSV with format=csv).
              security: [{ ops: [] }]
              parameters:
                - { name: number, in: path, required: true, schema: { type: string } }
                - { name: format, in: query, schema: { type: string, enum: [json, csv] } }
              responses:
                "401": { $ref: "#/components/responses/Problem" }
                "200": { description: The manifest, content: { application/json: { schema: { $ref: "#/components/schemas/Manifest" } }, text/csv: { schema: { type: string } } } }
                "404": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
        """# + "\n" + TravelAPIDescription.paths + "\n" + ApplicationAPIDescription.paths + "\n" + BrandAPIDescription.paths + "\n" + BankAPIDescription.paths + "\n" + #"""
        components:
          securitySchemes:
            session: { type: http, scheme: bearer, description: "A session token (s_…) from POST /api/v1/sessions" }
            ops: { type: http, scheme: bearer }
            merchant: { type: http, scheme: bearer, description: "A merchant API key (mk_…), from 'crossborder merchant-key'" }
            applicant: { type: http, scheme: bearer, description: "An application's resume key (ak_…), from POST /api/v1/merchant-applications" }
            bank: { type: http, scheme: bearer, description: "A partner bank's API key (bk_…), from 'crossborder bank-key'" }
          parameters:
            IdempotencyKey:
              name: Idempotency-Key
              in: header
              required: true
              schema: { type: string, minLength: 1, maxLength: 255 }
            DeviceID:
              name: X-Device-ID
              in: header
              required: false
              description: The app's own device identifier (a random token it keeps), which the risk rules link identities by; pages use a cookie.
              schema: { type: string, pattern: "^[A-Za-z0-9_-]{8,64}$" }
          responses:
            Problem:
              description: An RFC 9457 problem.
              content:
                application/problem+json:
                  schema: { $ref: "#/components/schemas/Problem" }
          schemas:
            Payment:
              type: object
              required: [id, groupId, channel, amount, status, createdAt]
              properties:
                id: { type: string }
                groupId: { type: string }
                channel: { type: string }
                amount: { $ref: "#/components/schemas/Amount" }
                status: { type: string, enum: [initiated, processing, unknown, succeeded, failed] }
                reference: { type: string, description: "The channel's own reference, once it has one" }
                failure: { type: string, description: Why the channel refused }
                createdAt: { type: string, format: date-time }
            RefundInput:
              type: object
              required: [amount]
              properties: { amount: { type: string, description: "CNY, decimal (\"12.50\")" }, reason: { type: string } }
            Health:
              type: object
              required: [status]
              properties:
                status: { type: string }
                store: { type: string, enum: [sqlite, postgres] }
                schemaVersion: { type: integer }
            Problem:
              type: object
              required: [type, title, status, detail]
              properties:
                type: { type: string, format: uri }
                title: { type: string }
                status: { type: integer }
                detail: { type: string }
                field: { type: string }
                retryAfter: { type: integer, description: Seconds to wait before trying again (also the Retry-After header) }
                errors:
                  type: array
                  description: "Every field at fault, where several are refused at once"
                  items:
                    type: object
                    required: [field, code, detail]
                    properties: { field: { type: string }, code: { type: string }, detail: { type: string } }
            Rate:
              type: object
              required: [base, quote, rate, source, asOf]
              properties:
                base: { type: string }
                quote: { type: string }
                rate: { type: string }
                source: { type: string }
                asOf: { type: string, format: date-time }
                usable: { type: boolean }
            Identity:
              type: object
              required: [name, idNumber, mobile, status, preApproved]
              properties:
                name: { type: string, description: "Masked: 王*明" }
                idNumber: { type: string, description: "Masked: 1101**********002X" }
                mobile: { type: string, description: "Masked: 138****5678" }
                status: { type: string, enum: [verified, mismatch, unchecked] }
                preApproved: { type: boolean }
                allowance:
                  type: object
                  required: [year, limit, used, left]
                  properties:
                    year: { type: integer }
                    limit: { $ref: "#/components/schemas/Amount" }
                    used: { $ref: "#/components/schemas/Amount" }
                    left: { $ref: "#/components/schemas/Amount" }
            Consumer:
              type: object
              required: [id, email, displayName]
              properties:
                id: { type: string }
                email: { type: string }
                displayName: { type: string }
            Address:
              type: object
              required: [id, province, city, district, street, recipient, mobile]
              properties:
                id: { type: string }
                province: { type: string }
                city: { type: string }
                district: { type: string }
                street: { type: string }
                recipient: { type: string }
                mobile: { type: string, description: "Masked: 138****5678" }
            ProductPage:
              type: object
              required: [products, total, page, pageSize, pageCount]
              properties:
                products: { type: array, items: { $ref: "#/components/schemas/Product" } }
                total: { type: integer }
                page: { type: integer }
                pageSize: { type: integer }
                pageCount: { type: integer }
            Amount:
              type: object
              required: [amount, currency]
              properties:
                amount: { type: string, example: "59.00" }
                currency: { type: string, example: USD }
            Product:
              type: object
              required: [id, storeId, name, description, category, brand, hsCode, originCountry, shipsToChina, skus]
              properties:
                id: { type: string }
                storeId: { type: string }
                name: { type: object, additionalProperties: { type: string } }
                description: { type: object, additionalProperties: { type: string } }
                category: { type: string }
                brand: { type: string }
                hsCode: { type: string }
                originCountry: { type: string }
                shipsToChina: { type: boolean }
                noShipReason: { type: object, additionalProperties: { type: string } }
                artwork: { type: string }
                image: { type: string }
                withdrawn: { type: string, enum: [brand-lapsed, counterfeit], description: "Merchant view only: why the product is off sale (no brand authorisation holds today, or ops took it down as counterfeit)" }
                skus:
                  type: array
                  items:
                    type: object
                    required: [id, variant, price, weightGrams, available]
                    properties:
                      id: { type: string }
                      variant: { type: object, additionalProperties: { type: string } }
                      price: { $ref: "#/components/schemas/Amount" }
                      priceCNY: { $ref: "#/components/schemas/Amount" }
                      weightGrams: { type: integer }
                      netContent: { type: string, description: "What one unit holds (\"50 ml\"), where a customs rule prices by it" }
                      available: { type: integer }
                      onHand: { type: integer }
                      reserved: { type: integer }
            ProductDraft:
              type: object
              required: [id, nameEn, nameZh, descriptionEn, descriptionZh, category, brand, hsCode, originCountry, shipsToChina, skus]
              properties:
                id: { type: string, pattern: "^[a-z0-9][a-z0-9-]{1,63}$" }
                nameEn: { type: string }
                nameZh: { type: string }
                descriptionEn: { type: string }
                descriptionZh: { type: string }
                category: { type: string }
                brand: { type: string }
                hsCode: { type: string, pattern: "^[0-9]{6,10}$" }
                originCountry: { type: string, example: US }
                shipsToChina: { type: boolean }
                noShipReasonEn: { type: string }
                noShipReasonZh: { type: string }
                artwork: { type: string, example: "jar:#c68e3f" }
                skus:
                  type: array
                  items:
                    type: object
                    required: [id, variantEn, variantZh, price, weightGrams, stock]
                    properties:
                      id: { type: string }
                      variantEn: { type: string }
                      variantZh: { type: string }
                      price: { type: string, description: "Decimal in the merchant's currency, with no more digits than it has" }
                      weightGrams: { type: integer }
                      stock: { type: integer }
            Store:
              type: object
              required: [slug, name, tagline, merchant, productCount]
              properties:
                slug: { type: string }
                name: { type: object, additionalProperties: { type: string } }
                tagline: { type: object, additionalProperties: { type: string } }
                productCount: { type: integer }
                merchant:
                  type: object
                  required: [id, name, country, currency, kind]
                  properties:
                    id: { type: string }
                    name: { type: object, additionalProperties: { type: string } }
                    country: { type: string }
                    currency: { type: string }
                    kind: { type: string }
                    onboardedBy: { type: [string, "null"] }
            Currencies:
              type: object
              required: [currencies]
              properties:
                currencies:
                  type: array
                  items:
                    type: object
                    required: [code, numeric, exponent, name]
                    properties:
                      code: { type: string, pattern: "^[A-Z]{3}$" }
                      numeric: { type: string, description: The ISO 4217 number }
                      exponent: { type: string, description: "Digits after the decimal point (\"2\" for USD, \"0\" for JPY)" }
                      name: { type: string }
            ProductList:
              type: object
              required: [products]
              properties:
                products: { type: array, items: { $ref: "#/components/schemas/Product" } }
            NoticeList:
              type: object
              required: [notices, unread]
              properties:
                unread: { type: integer, minimum: 0 }
                notices:
                  type: array
                  items:
                    type: object
                    required: [id, kind, headline, explanation, createdAt, read, mailed]
                    properties:
                      id: { type: string }
                      kind: { type: string, enum: [paid, declared, shipped, delivered, refunded, held-at-hub, held-by-customs] }
                      orderId: { type: string }
                      headline: { type: string }
                      explanation: { type: string }
                      createdAt: { type: string, format: date-time }
                      read: { type: boolean }
                      mailed: { type: boolean, description: Sent by e-mail too }
            AddressList:
              type: object
              required: [addresses]
              properties:
                addresses: { type: array, items: { $ref: "#/components/schemas/Address" } }
            Cart:
              type: object
              required: [lines]
              properties:
                lines:
                  type: array
                  items:
                    type: object
                    required: [skuId, quantity]
                    properties:
                      skuId: { type: string }
                      quantity: { type: integer, minimum: 1 }
            Estimate:
              type: object
              description: A delivery window, as instants and as days in Beijing.
              required: [earliest, latest, earliestDay, latestDay]
              properties:
                earliest: { type: string, format: date-time }
                latest: { type: string, format: date-time }
                earliestDay: { type: string, format: date }
                latestDay: { type: string, format: date }
                basis: { $ref: "#/components/schemas/TrackingStage" }
            Quote:
              type: object
              required: [id, createdAt, expiresAt, total, parcels]
              properties:
                id: { type: string }
                createdAt: { type: string, format: date-time }
                expiresAt: { type: string, format: date-time }
                total: { $ref: "#/components/schemas/Amount" }
                parcels:
                  type: array
                  items:
                    type: object
                    description: One merchant's parcel, at the rate fixed for it.
                    required: [merchantId, rate, rateAsOf, weightGrams, goods, freight, tax, total, lines]
                    properties:
                      merchantId: { type: string }
                      rate: { type: string, example: "1 USD = 7.1180 CNY" }
                      rateAsOf: { type: string, format: date-time }
                      weightGrams: { type: integer }
                      goods: { $ref: "#/components/schemas/Amount" }
                      freight: { $ref: "#/components/schemas/Amount" }
                      tax: { $ref: "#/components/schemas/Amount" }
                      total: { $ref: "#/components/schemas/Amount" }
                      deliveryEstimate: { $ref: "#/components/schemas/Estimate" }
                      lines:
                        type: array
                        items:
                          type: object
                          required: [skuId, quantity, unitPrice, goods, freight, tax]
                          properties:
                            skuId: { type: string }
                            quantity: { type: integer }
                            unitPrice: { $ref: "#/components/schemas/Amount" }
                            goods: { $ref: "#/components/schemas/Amount" }
                            freight: { $ref: "#/components/schemas/Amount" }
                            tax: { $ref: "#/components/schemas/Amount" }
            Placed:
              type: object
              required: [groupId, orderIds, total]
              properties:
                groupId: { type: string }
                orderIds: { type: array, items: { type: string } }
                total: { $ref: "#/components/schemas/Amount" }
            OrderStatus:
              type: string
              enum: [created, paid, declared, shipped, cleared, delivered, completed, cancelled, refunded]
            Order:
              type: object
              required: [id, groupId, merchantId, status, goods, freight, tax, total, deliverTo, createdAt, payBy, lines, timeline]
              properties:
                id: { type: string }
                groupId: { type: string }
                merchantId: { type: string }
                status: { $ref: "#/components/schemas/OrderStatus" }
                goods: { $ref: "#/components/schemas/Amount" }
                freight: { $ref: "#/components/schemas/Amount" }
                tax: { $ref: "#/components/schemas/Amount" }
                total: { $ref: "#/components/schemas/Amount" }
                deliverTo: { type: string, description: "The province, city and district only: never the street or the recipient" }
                createdAt: { type: string, format: date-time }
                payBy: { type: string, format: date-time }
                lines:
                  type: array
                  items:
                    type: object
                    required: [skuId, productId, name, quantity, unitPrice, goods, freight, tax]
                    properties:
                      skuId: { type: string }
                      productId: { type: string }
                      name: { type: object, additionalProperties: { type: string } }
                      quantity: { type: integer }
                      unitPrice: { $ref: "#/components/schemas/Amount" }
                      goods: { $ref: "#/components/schemas/Amount" }
                      freight: { $ref: "#/components/schemas/Amount" }
                      tax: { $ref: "#/components/schemas/Amount" }
                timeline:
                  type: array
                  items:
                    type: object
                    required: [to, actor, at, note]
                    properties:
                      from: { $ref: "#/components/schemas/OrderStatus" }
                      to: { $ref: "#/components/schemas/OrderStatus" }
                      actor: { type: string }
                      at: { type: string, format: date-time }
                      note: { type: string }
            OrderList:
              type: object
              required: [orders]
              properties:
                orders: { type: array, items: { $ref: "#/components/schemas/Order" } }
            OrderMoved:
              type: object
              required: [id, status]
              properties:
                id: { type: string }
                status: { $ref: "#/components/schemas/OrderStatus" }
            Bought:
              type: object
              required: [groupId, orderIds, payment]
              properties:
                groupId: { type: string }
                orderIds: { type: array, items: { type: string } }
                payment: { $ref: "#/components/schemas/Payment" }
            Release:
              type: object
              description: What the merchant got for an order, at the quote's rate and at the release's.
              required: [orderId, goodsCny, share, converted, fxGain, commission, quoteRate, releaseRate, releasedAt]
              properties:
                orderId: { type: string }
                goodsCny: { $ref: "#/components/schemas/Amount" }
                share: { $ref: "#/components/schemas/Amount" }
                converted: { $ref: "#/components/schemas/Amount" }
                fxGain: { $ref: "#/components/schemas/Amount" }
                commission: { $ref: "#/components/schemas/Amount" }
                quoteRate: { type: string }
                releaseRate: { type: string }
                releasedAt: { type: string, format: date-time }
            Return:
              type: object
              required: [id, orderId, status, reason, note, deadline, requestedAt]
              properties:
                id: { type: string }
                orderId: { type: string }
                status: { type: string, enum: [requested, refunded, declined] }
                reason: { type: string }
                note: { type: string }
                deadline: { type: string, format: date-time }
                requestedAt: { type: string, format: date-time }
            Escrow:
              type: object
              required: [orderId, state, held, refunded]
              properties:
                orderId: { type: string }
                state: { type: string, enum: [unpaid, held, released, refunded] }
                held: { $ref: "#/components/schemas/Amount" }
                refunded: { $ref: "#/components/schemas/Amount" }
                release: { $ref: "#/components/schemas/Release" }
            Payout:
              type: object
              required: [id, batchId, amount, status, reason, createdAt]
              properties:
                id: { type: string }
                batchId: { type: string }
                amount: { $ref: "#/components/schemas/Amount" }
                status: { type: string }
                reason: { type: string }
                createdAt: { type: string, format: date-time }
            Settlement:
              type: object
              required: [merchantId, pendingInEscrow, balances, payouts]
              properties:
                merchantId: { type: string }
                pendingInEscrow: { $ref: "#/components/schemas/Amount" }
                balances:
                  type: array
                  items:
                    type: object
                    required: [currency, available, inPayout]
                    properties:
                      currency: { type: string }
                      available: { $ref: "#/components/schemas/Amount" }
                      inPayout: { $ref: "#/components/schemas/Amount" }
                payouts: { type: array, items: { $ref: "#/components/schemas/Payout" } }
            Refund:
              type: object
              required: [id, orderId, paymentId, amount, reason, status]
              properties:
                id: { type: string }
                orderId: { type: string }
                paymentId: { type: string }
                amount: { $ref: "#/components/schemas/Amount" }
                reason: { type: string }
                status: { type: string }
            PayoutRun:
              type: object
              required: [batches]
              properties:
                batches: { type: array, items: { type: string }, description: The ids of the batches made }
            Mismatches:
              type: object
              required: [mismatches]
              properties:
                mismatches:
                  type: array
                  items:
                    type: object
                    required: [kind, reference, movement]
                    properties:
                      kind: { type: string, enum: [missing-in-ledger, missing-in-statement, amount-differs, duplicate-in-statement] }
                      reference: { type: string }
                      movement: { type: string, enum: [charge, refund] }
                      statement: { $ref: "#/components/schemas/Amount" }
                      ledger: { $ref: "#/components/schemas/Amount" }
            KeyList:
              type: object
              required: [keys]
              properties:
                keys:
                  type: array
                  items:
                    type: object
                    required: [id, label, createdAt]
                    properties:
                      id: { type: string, pattern: "^mk-[0-9a-f]{12}$" }
                      label: { type: string }
                      createdAt: { type: string, format: date-time }
                      revokedAt: { type: string, format: date-time }
            KeyRevoked:
              type: object
              required: [id, status]
              properties:
                id: { type: string }
                status: { type: string, enum: [revoked] }
            WorkFailures:
              type: object
              required: [parkAfter, failures]
              properties:
                parkAfter: { type: integer, description: Failures after which an item is parked until ops retry it }
                failures:
                  type: array
                  items:
                    type: object
                    required: [work, item, attempts, lastError, firstFailedAt, lastFailedAt, parked]
                    properties:
                      work: { type: string }
                      item: { type: string }
                      attempts: { type: integer }
                      lastError: { type: string }
                      firstFailedAt: { type: string, format: date-time }
                      lastFailedAt: { type: string, format: date-time }
                      parked: { type: boolean }
            WorkReleased:
              type: object
              required: [work, item]
              properties:
                work: { type: string }
                item: { type: string }
            Declarations:
              type: object
              required: [declarations]
              properties:
                declarations:
                  type: array
                  items:
                    type: object
                    required: [orderId, status, reason, mismatches, updatedAt]
                    properties:
                      orderId: { type: string }
                      status: { type: string, enum: [submitted, inspection, released, rejected] }
                      reason: { type: string }
                      updatedAt: { type: string, format: date-time }
                      mismatches:
                        type: array
                        description: Where the order, payment and waybill records disagree.
                        items:
                          type: object
                          required: [rule, field, orderValue, otherValue]
                          properties:
                            rule: { type: string }
                            field: { type: string }
                            orderValue: { type: string }
                            otherValue: { type: string }
            TrackingStage:
              type: string
              enum: [labelled, picked_up, hub_received, departed, arrived, customs_inspection, customs_released, out_for_delivery, delivery_failed, delivered, returned]
            Shipment:
              type: object
              required: [id, trackingNumber, orderId, stage, weightGrams, label]
              properties:
                id: { type: string }
                trackingNumber: { type: string, description: "UPU S10, e.g. LX123456785US" }
                orderId: { type: string }
                stage: { $ref: "#/components/schemas/TrackingStage" }
                weightGrams: { type: integer }
                label: { type: string, description: The label page's path }
            Tracking:
              type: object
              required: [shipments, timeline]
              properties:
                shipments: { type: array, items: { $ref: "#/components/schemas/Shipment" } }
                deliveryEstimate: { $ref: "#/components/schemas/Estimate" }
                timeline:
                  type: array
                  items:
                    type: object
                    required: [id, trackingNumber, stage, source, at, location, note]
                    properties:
                      id: { type: string }
                      trackingNumber: { type: string }
                      stage: { $ref: "#/components/schemas/TrackingStage" }
                      source: { type: string, enum: [merchant, hub, airline, customs, carrier] }
                      at: { type: string, format: date-time }
                      location: { type: string }
                      note: { type: string }
            Applied:
              type: object
              required: [applied]
              properties:
                applied: { type: boolean, description: False when the report was received before or changes nothing }
            Scan:
              type: object
              required: [trackingNumber, status, firstScan]
              properties:
                trackingNumber: { type: string }
                status: { type: string, enum: [accepted, held] }
                reason: { type: string, description: Why the parcel is held }
                firstScan: { type: boolean }
            Bagged:
              type: object
              required: [bagId]
              properties:
                bagId: { type: string }
            AirWaybill:
              type: object
              required: [number]
              properties:
                number: { type: string }
                status: { $ref: "#/components/schemas/TrackingStage" }
            Manifest:
              type: object
              required: [parcels]
              properties:
                parcels:
                  type: array
                  items:
                    type: object
                    required: [airWaybill, bag, trackingNumber, orderNo, consignee, weightGrams, contents, valueCNY]
                    properties:
                      airWaybill: { type: string }
                      bag: { type: string }
                      trackingNumber: { type: string }
                      orderNo: { type: string }
                      consignee: { type: string, description: "Masked: 王*明" }
                      weightGrams: { type: integer }
                      contents: { type: string }
                      valueCNY: { type: string }
        """# + "\n" + TravelAPIDescription.schemas + "\n" + ApplicationAPIDescription.schemas + "\n" + BrandAPIDescription.schemas + "\n" + BankAPIDescription.schemas
}
