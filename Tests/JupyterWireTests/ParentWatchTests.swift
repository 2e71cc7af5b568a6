import Foundation
import Glibc
import Testing

@testable import JupyterWire

@Suite struct ParentWatchTests {
  let line = "4242 (a) b (c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1 2 3"

  @Test func procStatParsingCopesWithParenthesesInTheName() throws {
    let status = try #require(ProcessStatus.parse(line))
    #expect(status.state == "S")
    #expect(status.startTime == 987_654)
    #expect(!status.isZombie)
    #expect(
      ProcessStatus.parse(line.replacingOccurrences(of: ") S ", with: ") Z "))?.isZombie == true)
    #expect(ProcessStatus.parse("garbage") == nil)
  }

  @Test func thisProcessIsReadAndAPidThatIsGoneIsNot() throws {
    let me = try #require(ProcessStatus.read(getpid()))
    #expect(!me.isZombie && me.startTime > 0)
    #expect(ProcessStatus.read(Int32.max) == nil)
  }

  @Test func aChangedParentMeansOrphaned() {
    let watch = ParentWatch(parent: 500, launcher: nil)
    #expect(watch.orphanReason(parentNow: 500) == nil)
    #expect(watch.orphanReason(parentNow: 1)?.contains("parent process 500 is gone") == true)
    #expect(watch.orphanReason(parentNow: 77) != nil)  // re-parented to a subreaper
  }

  @Test func theLauncherIsWatchedByExistenceStateAndStartTime() {
    let alive = ProcessStatus(state: "S", startTime: 10)
    let watch = ParentWatch(parent: 600, launcher: .init(pid: 700, startTime: 10))
    #expect(watch.orphanReason(parentNow: 600, status: { _ in alive }) == nil)
    #expect(watch.orphanReason(parentNow: 600, status: { _ in nil })?.contains("700") == true)
    #expect(
      watch.orphanReason(
        parentNow: 600,
        status: { _ in ProcessStatus(state: "Z", startTime: 10) }) != nil)
    #expect(
      watch.orphanReason(
        parentNow: 600,
        status: { _ in ProcessStatus(state: "S", startTime: 11) }) != nil)
  }

  @Test func whatIsWatchedComesFromTheParentAndJPYParentPID() {
    let parent = getppid()
    let plain = ParentWatch.current(environment: [:])
    #expect(plain.parent == (parent > 1 ? parent : nil) && plain.launcher == nil)
    // JPY_PARENT_PID naming the direct parent adds nothing; init or garbage are ignored
    #expect(ParentWatch.current(environment: ["JPY_PARENT_PID": "\(parent)"]).launcher == nil)
    #expect(ParentWatch.current(environment: ["JPY_PARENT_PID": "1"]).launcher == nil)
    #expect(ParentWatch.current(environment: ["JPY_PARENT_PID": "x"]).launcher == nil)
    let wrapped = ParentWatch.current(environment: ["JPY_PARENT_PID": "\(getpid())"])
    #expect(wrapped.launcher?.pid == getpid())
    #expect(wrapped.launcher?.startTime == ProcessStatus.read(getpid())?.startTime)
    #expect(wrapped.orphanReason() == nil)  // this process and its parent are alive
  }

  @Test func thePollerCallsExitOnceOrphaned() async throws {
    let reasons = Reasons()
    // a launcher pid that does not exist: orphaned at the first poll
    let watch = ParentWatch(parent: nil, launcher: .init(pid: Int32.max, startTime: nil))
    watch.start(interval: .milliseconds(10)) { reasons.add($0) }
    let deadline = ContinuousClock.now + .seconds(5)
    while reasons.all.isEmpty && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(reasons.all.count == 1)
    #expect(reasons.all.first?.contains("JPY_PARENT_PID") == true)
  }
}

/// Thread-safe list of the reasons the poller gave.
final class Reasons: @unchecked Sendable {
  private let lock = NSLock()
  private var reasons: [String] = []
  func add(_ reason: String) { lock.withLock { reasons.append(reason) } }
  var all: [String] { lock.withLock { reasons } }
}
