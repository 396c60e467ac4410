/// The merchant applications' part of the API description (issue 16): start, read, save and
/// submit. `OpenAPIDocument` puts the paths after its own and the schemas after its components.
enum ApplicationAPIDescription {
    static let paths = #"""
          /api/v1/merchant-applications:
            post:
              summary: "Start an application to sell, as a draft: any fields so far, each identifier checked by its own rule. Answers with the key that resumes it (also on a replay)."
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/MerchantApplication" }
              responses:
                "201": { description: "The draft", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationReceipt" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant-applications/{id}:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            get:
              summary: "The whole application, for the holder of its resume key, with the fields still due before it can be submitted."
              security: [{ applicant: [] }]
              responses:
                "200": { description: "The application", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationFull" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
            put:
              summary: "Save the draft again, whole; with `revision`, refused if it was saved since that revision."
              security: [{ applicant: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [application]
                      properties:
                        revision: { type: integer, format: int64 }
                        application: { $ref: "#/components/schemas/MerchantApplication" }
              responses:
                "200": { description: "The draft", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationReceipt" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant-applications/{id}/submit:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            post:
              summary: "Send the draft for review; refused with every problem and missing field (`errors`) when it is not complete."
              security: [{ applicant: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: false
                content:
                  application/json:
                    schema: { type: object, properties: { revision: { type: integer, format: int64 } } }
              responses:
                "200": { description: "Submitted", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationReceipt" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/merchant-applications/{id}/documents:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            get:
              summary: "The application's documents as listed: kind, type, size, SHA-256 and ops' review; never their bytes."
              security: [{ applicant: [] }]
              responses:
                "200": { description: "The documents", content: { application/json: { schema: { $ref: "#/components/schemas/DocumentList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
            post:
              summary: "Upload a document as the request body: PDF, JPEG or PNG, told from its bytes and held to the Content-Type sent, at most 5 MiB, kept sealed."
              security: [{ applicant: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
                - { name: kind, in: query, required: true, schema: { type: string, enum: [certificate-of-incorporation, proof-of-address, brand-authorisation] } }
              requestBody:
                required: true
                content:
                  application/pdf: { schema: { type: string, format: binary } }
                  image/jpeg: { schema: { type: string, format: binary } }
                  image/png: { schema: { type: string, format: binary } }
              responses:
                "201": { description: "The document", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationDocument" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/merchant-applications/{id}/documents:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            get:
              summary: "An application's documents, for ops."
              security: [{ ops: [] }]
              responses:
                "200": { description: "The documents", content: { application/json: { schema: { $ref: "#/components/schemas/DocumentList" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/merchant-applications/{id}/documents/{document}:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
              - { name: document, in: path, required: true, schema: { type: string } }
            get:
              summary: "A document's bytes, opened, as an attachment of its own type."
              security: [{ ops: [] }]
              responses:
                "200":
                  description: "The document"
                  content:
                    application/pdf: { schema: { type: string, format: binary } }
                    image/jpeg: { schema: { type: string, format: binary } }
                    image/png: { schema: { type: string, format: binary } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/merchant-applications/{id}/documents/{document}/review:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
              - { name: document, in: path, required: true, schema: { type: string } }
            post:
              summary: "Accept or reject a document (a rejection says why; the applicant sees it)."
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [review, reviewer]
                      properties:
                        review: { type: string, enum: [accepted, rejected] }
                        reviewer: { type: string }
                        note: { type: string }
              responses:
                "200": { description: "Reviewed", content: { application/json: { schema: { type: object, required: [id, review], properties: { id: { type: string }, review: { type: string } } } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/merchant-applications:
            get:
              summary: "Ops' queue: applications (all but drafts, or those in `status`), oldest waiting first."
              security: [{ ops: [] }]
              parameters:
                - { name: status, in: query, required: false, schema: { type: string }, description: "Comma-separated: submitted, changes-requested, approved, rejected, suspended" }
              responses:
                "200": { description: "The queue", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationQueue" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/merchant-applications/{id}:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            get:
              summary: "An application's whole file: the application, each check with the provider's answer as it came, every decision with who took it."
              security: [{ ops: [] }]
              responses:
                "200": { description: "The file", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationReviewFile" } } } }
                "401": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
          /api/v1/ops/merchant-applications/{id}/decisions:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string } }
            post:
              summary: "Approve (every check answered, none failed; a second person confirms a business in risk band 4 or 5), reject or ask for changes (with a reason the applicant sees). The approval that leaves nothing outstanding makes the business a merchant with its store. Suspend an approved merchant (its store and products hidden, its open orders served) or reinstate it, with a reason."
              security: [{ ops: [] }]
              parameters:
                - $ref: "#/components/parameters/IdempotencyKey"
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [decision, reviewer]
                      properties:
                        decision: { type: string, enum: [approve, reject, request-changes, suspend, reinstate] }
                        reviewer: { type: string, description: "Who decides, recorded with the decision" }
                        reason: { type: string }
              responses:
                "200": { description: "The file after the decision", content: { application/json: { schema: { $ref: "#/components/schemas/ApplicationReviewFile" } } } }
                "400": { $ref: "#/components/responses/Problem" }
                "401": { $ref: "#/components/responses/Problem" }
                "403": { $ref: "#/components/responses/Problem" }
                "404": { $ref: "#/components/responses/Problem" }
                "409": { $ref: "#/components/responses/Problem" }
                "413": { $ref: "#/components/responses/Problem" }
                "422": { $ref: "#/components/responses/Problem" }
        """#

    static let schemas = #"""
            MerchantApplication:
              type: object
              description: "Every field may be left out of a draft. Identifiers are checked by their own rules: the registration number by its country's register (GB Companies House, KR National Tax Service, IT partita IVA, US EIN), D-U-N-S nine digits, LEI ISO 17442, EU VAT numbers by their country's format, IBAN mod 97, ABA routing numbers, BIC."
              properties:
                legalName: { type: string, maxLength: 200 }
                country: { type: string, description: "ISO 3166-1 alpha-2; not CN" }
                registrationNumber: { type: string }
                dunsNumber: { type: string }
                vatNumber: { type: string }
                lei: { type: string }
                address:
                  type: object
                  properties: { line1: { type: string }, line2: { type: string }, city: { type: string }, postalCode: { type: string } }
                representative:
                  type: object
                  properties: { name: { type: string }, role: { type: string }, email: { type: string } }
                owners:
                  type: array
                  maxItems: 4
                  description: "Everyone who owns 25 % or more"
                  items:
                    type: object
                    properties: { name: { type: string }, sharePercent: { type: integer, minimum: 25, maximum: 100 }, nationality: { type: string } }
                ownersComplete: { type: boolean, description: "The owners listed are all who hold 25 % or more (needed when the list is empty)" }
                payout:
                  type: object
                  properties:
                    holderName: { type: string }
                    currency: { type: string, description: ISO 4217 }
                    iban: { type: string }
                    bic: { type: string }
                    routingNumber: { type: string, description: "US banks" }
                    accountNumber: { type: string, description: "Where there is no IBAN" }
                brands: { type: array, items: { type: string } }
                categories: { type: array, items: { type: string } }
            ApplicationReceipt:
              type: object
              required: [id, status, revision, updatedAt, currentlyDue]
              properties:
                id: { type: string }
                status: { type: string, enum: [draft, submitted, changes-requested, approved, rejected, suspended] }
                revision: { type: integer, format: int64 }
                updatedAt: { type: string, format: date-time }
                submittedAt: { type: string, format: date-time }
                currentlyDue: { type: array, items: { type: string }, description: "Fields still needed before it can be submitted" }
                resumeKey: { type: string, description: "ak_…: the bearer token that reads and changes this application (in the answer that starts it)" }
            ApplicationFull:
              type: object
              required: [id, status, revision, createdAt, updatedAt, currentlyDue, requirements, capabilities, notes, application]
              properties:
                id: { type: string }
                status: { type: string, enum: [draft, submitted, changes-requested, approved, rejected, suspended] }
                revision: { type: integer, format: int64 }
                createdAt: { type: string, format: date-time }
                updatedAt: { type: string, format: date-time }
                submittedAt: { type: string, format: date-time }
                currentlyDue: { type: array, items: { type: string } }
                requirements:
                  type: array
                  description: "What stands between the application and each capability (Stripe Connect's terms)"
                  items:
                    type: object
                    required: [code, capabilities, status]
                    properties:
                      code: { type: string, enum: [business.registry, payout.bank-account, screening.sanctions, review.ops, review.second-person] }
                      capabilities: { type: array, items: { type: string, enum: [sell, payouts] } }
                      status: { type: string, enum: [currently-due, past-due, pending-verification, error] }
                      reason: { type: string }
                      detail: { type: string, description: "What was found and how to put it right, in the reader's language" }
                      dueBy: { type: string, format: date-time }
                capabilities:
                  type: object
                  required: [sell, payouts]
                  properties: { sell: { type: boolean }, payouts: { type: boolean } }
                notes:
                  type: array
                  description: "Ops' reasons for their decisions"
                  items:
                    type: object
                    required: [decision, reason, decidedAt]
                    properties: { decision: { type: string }, reason: { type: string }, decidedAt: { type: string, format: date-time } }
                merchantId: { type: string, description: "The merchant an approval made of it" }
                application: { $ref: "#/components/schemas/MerchantApplication" }
            ApplicationDocument:
              type: object
              required: [id, kind, contentType, size, sha256, uploadedAt, review]
              properties:
                id: { type: string }
                kind: { type: string, enum: [certificate-of-incorporation, proof-of-address, brand-authorisation] }
                contentType: { type: string, enum: [application/pdf, image/jpeg, image/png] }
                size: { type: integer }
                sha256: { type: string }
                uploadedAt: { type: string, format: date-time }
                review: { type: string, enum: [pending, accepted, rejected] }
                note: { type: string, description: "Ops' reason for a rejection" }
            DocumentList:
              type: object
              required: [documents]
              properties:
                documents: { type: array, items: { $ref: "#/components/schemas/ApplicationDocument" } }
            ApplicationQueue:
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
                      legalName: { type: string }
                      country: { type: string }
                      status: { type: string }
                      submittedAt: { type: string, format: date-time }
                      updatedAt: { type: string, format: date-time }
            ApplicationReviewFile:
              type: object
              required: [application, checks, decisions]
              properties:
                application: { $ref: "#/components/schemas/ApplicationFull" }
                checks:
                  type: array
                  items:
                    type: object
                    required: [check, state, attempts]
                    properties:
                      check: { type: string, enum: [registry, bank-account, sanctions] }
                      state: { type: string, enum: [pending, passed, failed, review] }
                      reason: { type: string }
                      answer: { type: string, description: "The provider's answer as it came (JSON), or why it could not answer" }
                      attempts: { type: integer }
                      answeredAt: { type: string, format: date-time }
                decisions:
                  type: array
                  items:
                    type: object
                    required: [id, decision, reviewer, decidedAt]
                    properties:
                      id: { type: string }
                      decision: { type: string }
                      reason: { type: string }
                      reviewer: { type: string }
                      decidedAt: { type: string, format: date-time }
        """#
}
