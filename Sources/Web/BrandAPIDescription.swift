/// The brand-protection part of the API description (issue 16): brand authorisations filed and
/// reviewed, counterfeit reports and the cases they open.
enum BrandAPIDescription {
    static let paths = #"""
          /api/v1/merchant/brand-authorisations:
            get:
              summary: "The calling merchant's brand authorisations, newest first, with ops' verdict and note."
              security: [{ merchant: [] }]
              responses:
                "200": { description: "Authorisations", content: { application/json: { schema: { $ref: "#/components/schemas/BrandAuthorisationList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
            post:
              summary: "File the brand owner's letter or a trademark registration for a brand, pending ops' review. A branded product can be published only while an accepted one holds for the Nice class its goods fall in."
              security: [{ merchant: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/BrandAuthorisationDraft" }
              responses:
                "201": { description: "Filed, pending review", content: { application/json: { schema: { $ref: "#/components/schemas/BrandAuthorisation" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/brand-authorisations:
            get:
              summary: "Every merchant's brand authorisations; with `status`, those in it (pending: oldest first)."
              security: [{ ops: [] }]
              parameters:
                - { name: status, in: query, required: false, schema: { type: string, enum: [pending, accepted, rejected] } }
              responses:
                "200": { description: "Authorisations", content: { application/json: { schema: { $ref: "#/components/schemas/BrandAuthorisationList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/brand-authorisations/{id}/review:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            post:
              summary: "Accept or reject a pending authorisation (a rejection says why). Accepting puts back on sale the products it now covers."
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/OpsVerdict" }
              responses:
                "200": { description: "Reviewed", content: { application/json: { schema: { type: object, properties: { id: { type: string }, status: { type: string } } } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/counterfeit-reports:
            post:
              summary: "Report a product as counterfeit. A signed-in buyer (session) is the reporter; anyone else reports as the brand owner, with a company name and an e-mail for the answer. The report opens a case for ops, or joins the product's open one."
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/CounterfeitReportDraft" }
              responses:
                "201": { description: "Received", content: { application/json: { schema: { type: object, required: [caseId], properties: { caseId: { type: string } } } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/counterfeit-cases:
            get:
              summary: "Counterfeit cases, most recently touched first; with `status`, those in it."
              security: [{ ops: [] }]
              parameters:
                - { name: status, in: query, required: false, schema: { type: string, enum: [open, taken-down, cleared] } }
              responses:
                "200": { description: "Cases", content: { application/json: { schema: { $ref: "#/components/schemas/CounterfeitCaseList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/counterfeit-cases/{id}:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            get:
              summary: "A case's file: the product, every report, ops' actions, and the orders that bought it (the newest 500)."
              security: [{ ops: [] }]
              responses:
                "200": { description: "The case", content: { application/json: { schema: { $ref: "#/components/schemas/CounterfeitCaseFile" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/counterfeit-cases/{id}/actions:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            post:
              summary: "Take the product down (withdrawn from the store, search and buy now; open orders go on) or clear the case (back on sale)."
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [action, reviewer]
                      properties:
                        action: { type: string, enum: [take-down, clear] }
                        reviewer: { type: string }
                        note: { type: string }
              responses:
                "200": { description: "Acted on", content: { application/json: { schema: { type: object, properties: { id: { type: string }, status: { type: string } } } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
        """#

    static let schemas = #"""
            BrandAuthorisationDraft:
              type: object
              properties:
                brand: { type: string, maxLength: 120 }
                kind: { type: string, enum: [owner-letter, trademark] }
                owner: { type: string, maxLength: 120 }
                office: { type: string, description: "EUIPO, WIPO or an ISO 3166 country code for its national office; needed for a trademark" }
                registrationNumber: { type: string, description: "Needed for a trademark" }
                classes: { type: array, items: { type: integer, minimum: 1, maximum: 45 }, description: "Nice classes" }
                validFrom: { type: string, format: date }
                validUntil: { type: string, format: date, description: "At most ten years after validFrom" }
            BrandAuthorisation:
              type: object
              required: [id, merchantId, brand, kind, owner, classes, validFrom, validUntil, status, filedAt]
              properties:
                id: { type: string }
                merchantId: { type: string }
                merchantName: { type: string, description: "Ops' view only" }
                brand: { type: string }
                kind: { type: string, enum: [owner-letter, trademark] }
                owner: { type: string }
                office: { type: string }
                registrationNumber: { type: string }
                classes: { type: array, items: { type: integer } }
                validFrom: { type: string, format: date }
                validUntil: { type: string, format: date }
                status: { type: string, enum: [pending, accepted, rejected] }
                filedAt: { type: string, format: date-time }
                reviewer: { type: string, description: "Ops' view only" }
                reviewNote: { type: string }
                reviewedAt: { type: string, format: date-time }
            BrandAuthorisationList:
              type: object
              required: [authorisations]
              properties:
                authorisations: { type: array, items: { $ref: "#/components/schemas/BrandAuthorisation" } }
            OpsVerdict:
              type: object
              required: [review, reviewer]
              properties:
                review: { type: string, enum: [accepted, rejected] }
                reviewer: { type: string }
                note: { type: string }
            CounterfeitReportDraft:
              type: object
              properties:
                productId: { type: string }
                reason: { type: string, maxLength: 2000 }
                reporterName: { type: string, description: "The brand owner's company, when no buyer is signed in" }
                email: { type: string, format: email, description: "Where the brand owner hears back" }
            CounterfeitCase:
              type: object
              required: [id, productId, productName, brand, merchantId, merchantName, status, reports, openedAt, updatedAt]
              properties:
                id: { type: string }
                productId: { type: string }
                productName: { type: string }
                brand: { type: string }
                merchantId: { type: string }
                merchantName: { type: string }
                status: { type: string, enum: [open, taken-down, cleared] }
                reports: { type: integer }
                openedAt: { type: string, format: date-time }
                updatedAt: { type: string, format: date-time }
            CounterfeitCaseList:
              type: object
              required: [cases]
              properties:
                cases: { type: array, items: { $ref: "#/components/schemas/CounterfeitCase" } }
            CounterfeitCaseFile:
              type: object
              required: [case, reports, actions, affectedOrders]
              properties:
                case: { $ref: "#/components/schemas/CounterfeitCase" }
                reports:
                  type: array
                  items:
                    type: object
                    properties:
                      reporter: { type: string, enum: [buyer, brand-owner] }
                      consumerId: { type: string }
                      reporterName: { type: string }
                      email: { type: string }
                      reason: { type: string }
                      reportedAt: { type: string, format: date-time }
                actions:
                  type: array
                  items:
                    type: object
                    properties:
                      action: { type: string, enum: [take-down, clear] }
                      reviewer: { type: string }
                      note: { type: string }
                      at: { type: string, format: date-time }
                affectedOrders:
                  type: array
                  items:
                    type: object
                    properties:
                      orderId: { type: string }
                      status: { type: string }
                      quantity: { type: integer, format: int64 }
                      goodsCny: { type: string }
                      placedAt: { type: string, format: date-time }
        """#
}
