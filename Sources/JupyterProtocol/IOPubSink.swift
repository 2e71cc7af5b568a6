import Cancellation
import Display
import Foundation

/// The `OutputSink` of one cell: publishes `stream`, `display_data`, `update_display_data`,
/// `clear_output` on iopub and reads lines through `input_request` on stdin.
final class IOPubSink: OutputSink {
  private let request: Message
  private let channel: any MessageChannel
  private let factory: MessageFactory
  private let streams: StreamBuffer
  private let cancellation: CancellationToken
  private let allowStdin: Bool

  init(
    request: Message, channel: any MessageChannel, factory: MessageFactory,
    streams: StreamBuffer, cancellation: CancellationToken, allowStdin: Bool
  ) {
    self.request = request
    self.channel = channel
    self.factory = factory
    self.streams = streams
    self.cancellation = cancellation
    self.allowStdin = allowStdin
  }

  func write(_ text: String, to stream: OutputStreamName) {
    streams.append(text, to: stream, parent: request)
  }

  func display(_ bundle: MimeBundle, id: String?) {
    var content = Self.content(of: bundle)
    if let id { content["transient"] = ["display_id": .string(id)] }
    publish("display_data", .object(content))
  }

  func update(_ bundle: MimeBundle, id: String) {
    var content = Self.content(of: bundle)
    content["transient"] = ["display_id": .string(id)]
    publish("update_display_data", .object(content))
  }

  func clearOutput(wait: Bool) {
    publish("clear_output", ["wait": .bool(wait)])
  }

  func readLine(prompt: String, password: Bool) -> String? {
    guard allowStdin else { return nil }
    streams.flush()
    var inputRequest = factory.message(
      "input_request", content: ["prompt": .string(prompt), "password": .bool(password)],
      parent: request)
    inputRequest.identities = request.identities
    guard let reply = channel.requestInput(inputRequest, cancellation: cancellation) else {
      return nil
    }
    return reply.content["value"]?.stringValue
  }

  private func publish(_ msgType: String, _ content: JSONValue) {
    streams.flush()
    channel.publish(factory.broadcast(msgType, content: content, parent: request))
  }

  /// `data` and `metadata` members of a display message.
  /// JSON MIME types (`application/json`, `…+json` such as a widget view) go as JSON objects.
  static func content(of bundle: MimeBundle) -> [String: JSONValue] {
    var data: [String: JSONValue] = [:]
    for (mimeType, text) in bundle.data {
      let isJSON = mimeType == "application/json" || mimeType.hasSuffix("+json")
      data[mimeType] = (isJSON ? try? JSONValue(jsonData: Data(text.utf8)) : nil) ?? .string(text)
    }
    return ["data": .object(data), "metadata": .object(bundle.metadata)]
  }
}

/// An `OutputSink` that drops everything (cells run with `silent`).
final class DiscardingSink: OutputSink {
  func write(_ text: String, to stream: OutputStreamName) {}
  func display(_ bundle: MimeBundle, id: String?) {}
  func update(_ bundle: MimeBundle, id: String) {}
  func clearOutput(wait: Bool) {}
  func readLine(prompt: String, password: Bool) -> String? { nil }
}
