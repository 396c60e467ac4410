/// The sandbox partners (customs, the carrier) choose which parcels wait longer, get inspected,
/// fail an attempt or come back by a bucket of the parcel's number, so that one parcel always
/// behaves the same way, as a real partner's would for reasons of its own.
enum SandboxBucket {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0xffff }  // safe: a 16-bit hash, wrapping by design
    }
}
