import Foundation

#if FUZZING
// Built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING`, this program is libFuzzer's driver
// with FuzzedParsers.run as the target; libFuzzer's flags apply (`-max_total_time=60`, a
// corpus folder). The package names its entry point, so libFuzzer's own main is not used and
// its driver is called from here instead.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The target by the name libFuzzer's archive links against.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzedParsers.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv, fuzzOne))
#else
// Built plainly, it replays a corpus through the same function: each argument is a file or a
// folder of inputs (what a fuzz run found, kept so that it stays fixed).
var replayed = 0
for argument in CommandLine.arguments.dropFirst() {
    let url = URL(fileURLWithPath: argument)
    let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [url]
    for file in files {
        FuzzedParsers.run(Array(try Data(contentsOf: file)))
        replayed += 1
    }
}
print("replayed \(replayed) inputs without a crash")
#endif
