import Foundation
import Testing

@testable import JupyterWire

@Suite struct ConnectionFileTests {
  let json = """
    {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,
     "ip": "127.0.0.1", "key": "k-1", "transport": "tcp", "signature_scheme": "hmac-sha256",
     "kernel_name": "stride"}
    """

  @Test func parsesJupyterConnectionFiles() throws {
    let file = try ConnectionFile.parse(Data(json.utf8))
    #expect(file.key == "k-1")
    #expect(file.endpoint(file.controlPort) == "tcp://127.0.0.1:4")
    var ipc = file
    ipc.transport = "ipc"
    ipc.ip = "/tmp/kernel"
    #expect(ipc.endpoint(2) == "ipc:///tmp/kernel-2")
  }

  @Test func refusesWhatItCannotServe() {
    let udp = json.replacingOccurrences(of: "\"tcp\"", with: "\"udp\"")
    #expect(throws: ConnectionFileError.self) { try ConnectionFile.parse(Data(udp.utf8)) }
    let md5 = json.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5")
    #expect(throws: ConnectionFileError.self) { try ConnectionFile.parse(Data(md5.utf8)) }
    #expect(throws: ConnectionFileError.self) { try ConnectionFile.parse(Data("{}".utf8)) }
    #expect(throws: ConnectionFileError.self) {
      try ConnectionFile.load(path: "/nonexistent/file.json")
    }
  }
}
