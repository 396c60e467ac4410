/// Powers of ten for decimal scaling, computed exactly in 128 bits.
enum Power {
    /// 10^n for 0 ≤ n ≤ 38.
    static func ofTen(_ n: Int) -> Int128 {
        precondition(n >= 0 && n <= 38, "10^\(n) is outside Int128")  // safe: callers bound n by scale limits
        var result: Int128 = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}

/// 10^n as an Int64, for 0 ≤ n ≤ 18: scaling between minor units and decimal places.
public func powerOfTen(_ n: Int) -> Int64 {
    Int64(Power.ofTen(min(max(n, 0), 18)))
}
