import Foundation
import Services
import Testing

/// Partners' webhooks carry a timestamp we did not choose: any text, any number.
@Suite("Callback signatures")
struct CallbackSignatureTests {
    let secret = "s3cret"
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("a correctly signed timestamp at either end of Int64 is stale, never a crash", arguments: [
        String(Int64.min), String(Int64.max), String(Int64.min + 1), "-1", "0",
    ])
    func extremeTimestamps(timestamp: String) {
        let body = "{}"
        let signature = CallbackSignature.sign(timestamp: timestamp, body: body, secret: secret)
        #expect(throws: CallbackError.self) {
            try CallbackSignature.check(timestamp: timestamp, body: body, signature: signature, secret: secret, at: now)
        }
    }

    @Test("the skew is reported in whole seconds, saturating where it does not fit")
    func skew() {
        let body = "{}"
        for (timestamp, skew) in [("1794999700", Int64(300)), ("1794999699", 301), (String(Int64.min), Int64.max)] {
            let signature = CallbackSignature.sign(timestamp: timestamp, body: body, secret: secret)
            let result = Result { () throws(CallbackError) in
                try CallbackSignature.check(timestamp: timestamp, body: body, signature: signature, secret: secret, at: now)
            }
            if skew <= 300 {
                #expect(throws: Never.self) { try result.get() }
            } else {
                #expect(throws: CallbackError.stale(seconds: skew)) { try result.get() }
            }
        }
    }

    @Test("a timestamp that is not a whole number is refused as unsigned", arguments: ["1e9", "1795000000.5", " 1795000000", "", "１７９５"])
    func malformedTimestamps(timestamp: String) {
        let signature = CallbackSignature.sign(timestamp: timestamp, body: "{}", secret: secret)
        #expect(throws: CallbackError.badSignature) {
            try CallbackSignature.check(timestamp: timestamp, body: "{}", signature: signature, secret: secret, at: now)
        }
    }

    @Test("stored times saturate instead of trapping at Double's extremes")
    func storedTimes() {
        #expect(Date(timeIntervalSince1970: 1e300).millisecondsSince1970 == .max)
        #expect(Date(timeIntervalSince1970: -1e300).millisecondsSince1970 == .min)
        #expect(Date(timeIntervalSince1970: .nan).secondsSince1970 == 0)
        #expect(Date(millisecondsSince1970: 1_795_000_000_123).millisecondsSince1970 == 1_795_000_000_123)
    }
}
