import Cancellation
import Testing

@Test func checkThrowsOnlyAfterCancel() throws {
  let token = CancellationToken()
  try token.check()
  token.cancel()
  #expect(token.isCancelled)
  #expect(throws: Interrupted.self) { try token.check() }
  token.reset()
  try token.check()
}
