/// The partner-bank part of the API description (issue 16, "Marco Polo"): ops make a bank a
/// partner; the bank onboards its clients in bulk, follows them, and opens its flagship store.
enum BankAPIDescription {
    static let paths = #"""
          /api/v1/ops/partner-banks:
            get:
              summary: "Every partner bank, with the checks its agreement lets it vouch for and its flagship store."
              security: [{ ops: [] }]
              responses:
                "200": { description: "Partner banks", content: { application/json: { schema: { $ref: "#/components/schemas/PartnerBankList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
            post:
              summary: "Make a bank a partner. Its API keys come from `crossborder bank-key --bank <id>`."
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/PartnerBankDraft" }
              responses:
                "201": { description: "A partner", content: { application/json: { schema: { $ref: "#/components/schemas/PartnerBank" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/bank:
            get:
              summary: "The calling partner bank."
              security: [{ bank: [] }]
              responses:
                "200": { description: "The bank", content: { application/json: { schema: { $ref: "#/components/schemas/PartnerBank" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/bank/clients:
            post:
              summary: "Onboard clients in bulk, all or nothing: each a complete application, submitted for review at once. The bank's attestation passes the checks its agreement covers; the others run as for any applicant. One bad client refuses the batch, each problem named (`clients[2].application.payout.iban`; in CSV with the client's line)."
              security: [{ bank: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [clients]
                      properties:
                        clients: { type: array, maxItems: 200, items: { $ref: "#/components/schemas/IntroducedClient" } }
                  text/csv:
                    schema: { type: string, description: "RFC 4180, a header with the template's columns (GET /api/v1/bank/clients/template.csv), one client a row" }
              responses:
                "201": { description: "Onboarded", content: { application/json: { schema: { $ref: "#/components/schemas/Onboarded" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "415": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/bank/clients/template.csv:
            get:
              summary: "The onboarding file's header: every column it may have."
              security: [{ bank: [] }]
              responses:
                "200": { description: "The header", content: { text/csv: { schema: { type: string } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/bank/applications:
            get:
              summary: "The bank's clients' applications, oldest first, with where each stands."
              security: [{ bank: [] }]
              responses:
                "200": { description: "Applications", content: { application/json: { schema: { $ref: "#/components/schemas/BankApplicationList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/bank/applications/{id}:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            get:
              summary: "One of the bank's clients' applications, with its requirements; another's is not found."
              security: [{ bank: [] }]
              responses:
                "200": { description: "The application", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationFull" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/bank/merchants:
            get:
              summary: "The merchants the bank introduced, with their sales (paid orders, in CNY) and payouts."
              security: [{ bank: [] }]
              responses:
                "200": { description: "Merchants", content: { application/json: { schema: { $ref: "#/components/schemas/BankMerchantList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
          /api/v1/bank/flagship:
            put:
              summary: "Open (or rename) the bank's flagship store: one page at /flagships/{slug} gathering its clients' products."
              security: [{ bank: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/FlagshipDraft" }
              responses:
                "200": { description: "Open", content: { application/json: { schema: { $ref: "#/components/schemas/Flagship" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/flagships/{slug}:
            parameters:
              - { name: slug, in: path, required: true, schema: { type: string } }
            get:
              summary: "A partner bank's flagship store and its clients' products, a page at a time."
              parameters:
                - { name: q, in: query, schema: { type: string, maxLength: 200 } }
                - { name: category, in: query, schema: { type: string } }
                - { name: sort, in: query, schema: { type: string, enum: [relevance, price_asc, price_desc, newest] } }
                - { name: page, in: query, schema: { type: integer, minimum: 1, maximum: 10000 } }
                - { name: pageSize, in: query, schema: { type: integer, minimum: 1, maximum: 100 } }
              responses:
                "200":
                  description: "The flagship and a page of its products"
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [flagship, bank, products]
                        properties:
                          flagship: { $ref: "#/components/schemas/Flagship" }
                          bank: { type: string }
                          products: { $ref: "#/components/schemas/ProductPage" }
                "404": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
        """#

    static let schemas = #"""
            PartnerBankDraft:
              type: object
              properties:
                id: { type: string, pattern: "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$" }
                name: { type: string, maxLength: 200 }
                country: { type: string, description: "ISO 3166-1 alpha-2" }
                bic: { type: string, description: "ISO 9362" }
                attests: { type: array, items: { type: string, enum: [registry, bank-account, sanctions] }, description: "The checks the bank's word stands for" }
            PartnerBank:
              type: object
              required: [id, name, country, bic, attests]
              properties:
                id: { type: string }
                name: { type: string }
                country: { type: string }
                bic: { type: string }
                attests: { type: array, items: { type: string, enum: [registry, bank-account, sanctions] } }
                flagship: { $ref: "#/components/schemas/Flagship" }
            PartnerBankList:
              type: object
              required: [banks]
              properties:
                banks: { type: array, items: { $ref: "#/components/schemas/PartnerBank" } }
            FlagshipDraft:
              type: object
              properties:
                slug: { type: string, pattern: "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$" }
                nameEn: { type: string, maxLength: 100 }
                nameZh: { type: string, maxLength: 100 }
                taglineEn: { type: string, maxLength: 200 }
                taglineZh: { type: string, maxLength: 200 }
            Flagship:
              type: object
              required: [slug, nameEn, nameZh, taglineEn, taglineZh, url]
              properties:
                slug: { type: string }
                nameEn: { type: string }
                nameZh: { type: string }
                taglineEn: { type: string }
                taglineZh: { type: string }
                url: { type: string }
            IntroducedClient:
              type: object
              required: [application]
              properties:
                reference: { type: string, maxLength: 100, description: "The bank's own reference for the client" }
                application: { $ref: "#/components/schemas/MerchantApplication" }
                attestation:
                  type: object
                  description: "What the bank vouches for: checks its agreement covers, made on checkedOn (at most a year ago), filed under reference"
                  properties:
                    checks: { type: array, items: { type: string, enum: [registry, bank-account, sanctions] } }
                    checkedOn: { type: string, format: date }
                    reference: { type: string, maxLength: 100 }
            Onboarded:
              type: object
              required: [clients]
              properties:
                clients:
                  type: array
                  items:
                    type: object
                    required: [id, status, attested, resumeKey]
                    properties:
                      reference: { type: string }
                      id: { type: string }
                      status: { type: string, enum: [submitted] }
                      attested: { type: array, items: { type: string } }
                      resumeKey: { type: string, description: "ak_…: for the client to read its application, upload documents and put right what a check finds" }
            BankApplicationList:
              type: object
              required: [applications]
              properties:
                applications:
                  type: array
                  items:
                    type: object
                    required: [id, legalName, country, status, updatedAt]
                    properties:
                      id: { type: string }
                      reference: { type: string }
                      legalName: { type: string }
                      country: { type: string }
                      status: { type: string, enum: [draft, submitted, changes-requested, approved, rejected, suspended] }
                      merchantId: { type: string }
                      updatedAt: { type: string, format: date-time }
            BankMerchantList:
              type: object
              required: [merchants]
              properties:
                merchants:
                  type: array
                  items:
                    type: object
                    required: [id, nameEn, country, currency, suspended, orders, sales, payouts]
                    properties:
                      id: { type: string }
                      nameEn: { type: string }
                      country: { type: string }
                      currency: { type: string }
                      store: { type: string }
                      suspended: { type: boolean }
                      orders: { type: integer }
                      sales: { $ref: "#/components/schemas/Amount" }
                      payouts:
                        type: array
                        items:
                          type: object
                          required: [id, amount, status, createdAt]
                          properties:
                            id: { type: string }
                            amount: { $ref: "#/components/schemas/Amount" }
                            status: { type: string }
                            createdAt: { type: string, format: date-time }
        """#
}
