import COpenSSL
import Foundation

/// HMAC-SHA256 over the four JSON frames of a message, as lowercase hex (libcrypto `EVP_MAC`).
///
/// signature = hex(HMAC-SHA256(key, header ‖ parent_header ‖ metadata ‖ content)); identities and
/// buffers are not signed. Verification compares in constant time (`CRYPTO_memcmp`). One signer
/// per thread: the keyed context is duplicated for every message and never shared.
final class HMACSigner {
  private let mac: OpaquePointer
  private let keyed: OpaquePointer

  /// A signer for `key`; nil when libcrypto cannot provide HMAC-SHA256.
  init?(key: [UInt8]) {
    guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { return nil }
    guard let context = EVP_MAC_CTX_new(mac) else {
      EVP_MAC_free(mac)
      return nil
    }
    let initialised = "digest".withCString { name in
      "SHA256".withCString { digest in
        var params = [
          OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0),
          OSSL_PARAM_construct_end(),
        ]
        return key.withUnsafeBufferPointer { bytes in
          EVP_MAC_init(context, bytes.baseAddress, bytes.count, &params)
        }
      }
    }
    guard initialised == 1 else {
      EVP_MAC_CTX_free(context)
      EVP_MAC_free(mac)
      return nil
    }
    self.mac = mac
    self.keyed = context
  }

  deinit {
    EVP_MAC_CTX_free(keyed)
    EVP_MAC_free(mac)
  }

  /// The hex signature of `parts`, in order.
  func sign(_ parts: [[UInt8]]) -> [UInt8] {
    guard let context = EVP_MAC_CTX_dup(keyed) else { return [] }
    defer { EVP_MAC_CTX_free(context) }
    for part in parts {
      _ = part.withUnsafeBufferPointer { EVP_MAC_update(context, $0.baseAddress, $0.count) }
    }
    var digest = [UInt8](repeating: 0, count: 32)
    var length = 0
    guard EVP_MAC_final(context, &digest, &length, digest.count) == 1 else { return [] }
    return Self.hex(digest.prefix(length))
  }

  /// Whether `signature` is the signature of `parts` (constant-time comparison).
  func verify(_ signature: [UInt8], parts: [[UInt8]]) -> Bool {
    let expected = sign(parts)
    guard !expected.isEmpty, expected.count == signature.count else { return false }
    return CRYPTO_memcmp(expected, signature, expected.count) == 0
  }

  private static let digits = Array("0123456789abcdef".utf8)

  static func hex(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 15)])
    }
    return out
  }
}
