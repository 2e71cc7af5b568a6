import Glibc

/// Lowers this process's address-space limit (RLIMIT_AS, soft) to what it uses now plus `extra`
/// bytes, as `prlimit --as` or a JupyterHub spawner does. For exit tests only (the child process).
public func limitAddressSpace(toCurrentPlus extra: Int) {
  var used = 0
  if let file = fopen("/proc/self/status", "r") {
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
      let text = String(cString: line)
      if text.hasPrefix("VmSize:") {
        used = (Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
      }
    }
    fclose(file)
  }
  var limit = rlimit()
  getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
  limit.rlim_cur = rlim_t(used + extra)
  precondition(setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, "setrlimit failed")
}
