/// The travellers' part of the API description (issue 17): the wallet, codes and charges, the
/// till and tax-free forms. `OpenAPIDocument` puts the paths after its own and the schemas
/// after its components.
enum TravelAPIDescription {
    static let paths = #"""
          /api/v1/me/wallet:
            get:
              summary: "The traveller's CNY wallet: balance, debt left by a claw-back, movements and top-ups."
              security: [{ session: [] }]
              responses:
                "200": { description: "The wallet", content: { application/json: { schema: { $ref: "#/components/schemas/Wallet" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/me/wallet/top-ups:
            post:
              summary: "Top the wallet up from a payment channel (the intent is recorded before the channel is called; an unknown outcome is settled later)."
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [amount], properties: { amount: { type: string, example: "2000.00" }, channel: { type: string, enum: [bank, partner] } } }
              responses:
                "201": { description: "The top-up as it stands", content: { application/json: { schema: { $ref: "#/components/schemas/TopUp" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/wallet/withdrawals:
            post:
              summary: "Withdraw from the wallet to a bank card (Luhn-checked, kept sealed, shown masked)."
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [amount, card], properties: { amount: { type: string }, card: { type: string, example: "4111 1111 1111 1111" } } }
              responses:
                "201": { description: "The withdrawal", content: { application/json: { schema: { $ref: "#/components/schemas/Withdrawal" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/payment-codes:
            post:
              summary: "A fresh payment code for the store to scan: 18 digits, one minute, one payment, with its QR code (SVG, level M)."
              security: [{ session: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              responses:
                "201": { description: "The code", content: { application/json: { schema: { $ref: "#/components/schemas/PaymentCode" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/me/shop-charges/{token}:
            get:
              summary: "A store's charge the traveller scanned; the first traveller to open it is the one it charges."
              security: [{ session: [] }]
              parameters:
                - { name: token, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: "The charge", content: { application/json: { schema: { $ref: "#/components/schemas/ShopCharge" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "410": { $ref: "#/components/responses/Problem" }
          /api/v1/me/shop-charges/{token}/payment:
            post:
              summary: "Pay a scanned charge from the wallet; with topUpFrom, what the wallet lacks is first topped up from that channel."
              security: [{ session: [] }]
              parameters:
                - { name: token, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: false
                content:
                  application/json:
                    schema: { type: object, properties: { topUpFrom: { type: string, enum: [bank, partner] } } }
              responses:
                "201": { description: "The payment", content: { application/json: { schema: { $ref: "#/components/schemas/TillPayment" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "410": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "503": { $ref: "#/components/responses/Problem" }
          /api/v1/me/till-payments:
            get:
              summary: "The traveller's payments at tills abroad."
              security: [{ session: [] }]
              responses:
                "200": { description: "The payments", content: { application/json: { schema: { $ref: "#/components/schemas/TillPayments" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/me/tax-free-forms:
            get:
              summary: "The traveller's tax-free forms with their deadlines and refunds."
              security: [{ session: [] }]
              responses:
                "200": { description: "The forms", content: { application/json: { schema: { $ref: "#/components/schemas/TaxFreeForms" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/me/tax-free-forms/{id}/instant-refund:
            post:
              summary: "Take the VAT refund into the wallet now (clawed back if the export is not validated by the deadline)."
              security: [{ session: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              responses:
                "200": { description: "The form", content: { application/json: { schema: { $ref: "#/components/schemas/TaxFreeForm" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "503": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/shops:
            get:
              summary: "The merchant's shops abroad."
              security: [{ merchant: [] }]
              responses:
                "200": { description: "The shops", content: { application/json: { schema: { $ref: "#/components/schemas/Shops" } } } }
                "401": { $ref: "#/components/responses/Problem" }
            post:
              summary: "Open a shop abroad, in one of the eight countries, charging in the merchant's currency."
              security: [{ merchant: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [name, nameZh, country, city, street], properties: { id: { type: string }, name: { type: string }, nameZh: { type: string }, country: { type: string, example: IT }, city: { type: string }, street: { type: string } } }
              responses:
                "201": { description: "The shop", content: { application/json: { schema: { $ref: "#/components/schemas/Shop" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/shops/{shop}/charges:
            post:
              summary: "A charge for the till to show as a QR code (five minutes, one payment)."
              security: [{ merchant: [] }]
              parameters:
                - { name: shop, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [amount], properties: { amount: { type: string, example: "120.00" }, goods: { type: boolean, description: "Goods (default) or services" } } }
              responses:
                "201": { description: "The charge with its link and code", content: { application/json: { schema: { $ref: "#/components/schemas/ShopCharge" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/shops/{shop}/charges/{id}:
            get:
              summary: "Whether a charge was paid."
              security: [{ merchant: [] }]
              parameters:
                - { name: shop, in: path, required: true, schema: { type: string } }
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: "The charge", content: { application/json: { schema: { $ref: "#/components/schemas/ShopCharge" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/shops/{shop}/payments:
            post:
              summary: "Charge the traveller's scanned payment code."
              security: [{ merchant: [] }]
              parameters:
                - { name: shop, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [paymentCode, amount], properties: { paymentCode: { type: string, example: "280000000000000000" }, amount: { type: string }, goods: { type: boolean } } }
              responses:
                "201": { description: "The payment", content: { application/json: { schema: { $ref: "#/components/schemas/TillPayment" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "410": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
                "503": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/till-payments:
            get:
              summary: "The merchant's till payments."
              security: [{ merchant: [] }]
              responses:
                "200": { description: "The payments", content: { application/json: { schema: { $ref: "#/components/schemas/TillPayments" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/till-payments/{id}/refunds:
            post:
              summary: "Refund (part of) a till payment into the traveller's wallet."
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [amount], properties: { amount: { type: string } } }
              responses:
                "201": { description: "The payment after the refund", content: { application/json: { schema: { $ref: "#/components/schemas/TillPayment" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/till-payments/{id}/tax-free-form:
            post:
              summary: "Issue the tax-free form for a till payment (with the day's other purchases where the country counts them together)."
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - $ref: "#/components/parameters/IdempotencyKey"
              responses:
                "201": { description: "The form", content: { application/json: { schema: { $ref: "#/components/schemas/TaxFreeForm" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant/tax-free-forms/{id}:
            get:
              summary: "A tax-free form the merchant issued."
              security: [{ merchant: [] }]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses:
                "200": { description: "The form", content: { application/json: { schema: { $ref: "#/components/schemas/TaxFreeForm" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/tax-free-forms:
            get:
              summary: "Tax-free forms by country and status, with what the refund operator owes."
              security: [{ ops: [] }]
              parameters:
                - { name: country, in: query, required: false, schema: { type: string }, description: "ISO 3166 alpha-2" }
                - { name: status, in: query, required: false, schema: { type: string }, description: "issued, validated, refused or expired" }
              responses:
                "200": { description: "The forms and receivables", content: { application/json: { schema: { $ref: "#/components/schemas/TaxFreeForms" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/tax-free/validations:
            post:
              summary: "Relay an export validation from a country's system (kept once by event id; only moves an issued form)."
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, required: [eventId, formId, validated, exportedAt], properties: { eventId: { type: string }, formId: { type: string }, validated: { type: boolean }, exportedAt: { type: string, format: date-time } } }
              responses:
                "200": { description: "Whether it moved the form", content: { application/json: { schema: { $ref: "#/components/schemas/ValidationApplied" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
        """#

    static let schemas = #"""
            Wallet:
              type: object
              required: [balance, debt, movements, topUps]
              properties:
                balance: { $ref: "#/components/schemas/Amount" }
                debt: { $ref: "#/components/schemas/Amount", description: "Owed after a claw-back found the wallet short; collected from the next top-up" }
                movements:
                  type: array
                  items: { $ref: "#/components/schemas/WalletMovement" }
                topUps: { type: array, items: { $ref: "#/components/schemas/TopUp" } }
            WalletMovement:
              type: object
              required: [id, code, amount, at]
              properties:
                id: { type: string }
                code: { type: string, description: "wallet-top-up, till-payment, till-refund, vat-refund-instant, vat-refund-paid, vat-refund-clawback, wallet-debt-collected, wallet-withdrawal" }
                amount: { $ref: "#/components/schemas/Amount", description: "Into the wallet positive, out of it negative" }
                at: { type: string, format: date-time }
            TopUp:
              type: object
              required: [id, channel, amount, status, createdAt]
              properties:
                id: { type: string }
                channel: { type: string }
                amount: { $ref: "#/components/schemas/Amount" }
                status: { type: string, enum: [initiated, processing, unknown, succeeded, failed] }
                failure: { type: string }
                createdAt: { type: string, format: date-time }
            Withdrawal:
              type: object
              required: [id, amount, card, createdAt]
              properties:
                id: { type: string }
                amount: { $ref: "#/components/schemas/Amount" }
                card: { type: string, description: "Masked: •••• 1111" }
                createdAt: { type: string, format: date-time }
            PaymentCode:
              type: object
              required: [code, expiresAt, errorCorrection, svg]
              properties:
                code: { type: string, description: "18 digits starting with 28" }
                expiresAt: { type: string, format: date-time }
                errorCorrection: { type: string, enum: [M], description: "ISO/IEC 18004 error correction level of the QR code" }
                svg: { type: string, description: "The code as a QR symbol, SVG" }
            Shop:
              type: object
              required: [id, name, nameZh, country, city, street, currency]
              properties:
                id: { type: string }
                name: { type: string }
                nameZh: { type: string }
                country: { type: string }
                city: { type: string }
                street: { type: string }
                currency: { type: string }
            Shops:
              type: object
              required: [shops]
              properties:
                shops: { type: array, items: { $ref: "#/components/schemas/Shop" } }
            ShopCharge:
              type: object
              required: [id, shop, amount, goods, status, expiresAt]
              properties:
                id: { type: string }
                shop: { $ref: "#/components/schemas/Shop" }
                amount: { $ref: "#/components/schemas/Amount" }
                cnyNow: { $ref: "#/components/schemas/Amount", description: "What it costs in CNY at the rate of the moment" }
                goods: { type: boolean }
                status: { type: string, enum: [open, claimed, paid, expired] }
                expiresAt: { type: string, format: date-time }
                paymentId: { type: string }
                url: { type: string, description: "Only when created: the link the code carries" }
                svg: { type: string, description: "Only when created: the QR code, SVG, level M" }
            TillPayment:
              type: object
              required: [id, shopId, amount, cny, rate, rateSource, refunded, refundedCny, goods, createdAt]
              properties:
                id: { type: string }
                shopId: { type: string }
                amount: { $ref: "#/components/schemas/Amount" }
                cny: { $ref: "#/components/schemas/Amount" }
                rate: { type: string }
                rateSource: { type: string }
                commission: { $ref: "#/components/schemas/Amount", description: "The merchant's view only" }
                refunded: { $ref: "#/components/schemas/Amount" }
                refundedCny: { $ref: "#/components/schemas/Amount" }
                goods: { type: boolean }
                formId: { type: string }
                createdAt: { type: string, format: date-time }
            TillPayments:
              type: object
              required: [payments]
              properties:
                payments: { type: array, items: { $ref: "#/components/schemas/TillPayment" } }
            TaxFreeForm:
              type: object
              required: [id, country, shopId, purchaseDay, paymentIds, gross, vatRate, vat, fee, refund, refundStatus, status, deadlineDay, deadline, validation, createdAt]
              properties:
                id: { type: string }
                country: { type: string }
                shopId: { type: string }
                purchaseDay: { type: string, format: date }
                paymentIds: { type: array, items: { type: string } }
                gross: { $ref: "#/components/schemas/Amount" }
                vatRate: { type: string }
                vat: { $ref: "#/components/schemas/Amount" }
                fee: { $ref: "#/components/schemas/Amount" }
                refund: { $ref: "#/components/schemas/Amount" }
                refundCny: { $ref: "#/components/schemas/Amount" }
                refundRate: { type: string }
                refundStatus: { type: string, enum: [awaiting-validation, instant, paid, clawed-back, none] }
                status: { type: string, enum: [issued, validated, refused, expired] }
                deadlineDay: { type: string, format: date }
                deadline: { type: string, format: date-time }
                validation: { type: string }
                createdAt: { type: string, format: date-time }
                closedAt: { type: string, format: date-time }
                closeReason: { type: string }
            TaxFreeForms:
              type: object
              required: [forms]
              properties:
                forms: { type: array, items: { $ref: "#/components/schemas/TaxFreeForm" } }
                receivables: { type: array, items: { $ref: "#/components/schemas/Amount" }, description: "Ops only: what the refund operator owes, per currency" }
            ValidationApplied:
              type: object
              required: [applied]
              properties:
                applied: { type: boolean }
        """#
}
