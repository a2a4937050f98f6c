import CDeflate
import CZlib
import Foundation

public enum GzipError: Error, CustomStringConvertible {
    case failed(String)
    public var description: String {
        switch self { case .failed(let why): "gzip: \(why)" }
    }
}

/// gzip (RFC 1952): compression through libdeflate (whole buffers; at level 1 about 2-2.5 times
/// faster than zlib on a window's labels file, and smaller), decompression through the system
/// zlib (streaming). The header carries no timestamp, so the same input always gives the same bytes.
public enum Gzip {
    /// - Parameter level: libdeflate's, 1 (fastest) to 12 (smallest).
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw GzipError.failed("no libdeflate compressor at level \(level)")
        }
        defer { libdeflate_free_compressor(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_gzip_compress_bound(compressor, input.count))
        let written = input.withUnsafeBytes { inBuf in
            output.withUnsafeMutableBytes { outBuf in
                libdeflate_gzip_compress(compressor, inBuf.baseAddress, inBuf.count, outBuf.baseAddress, outBuf.count)
            }
        }
        // The bound guarantees room; 0 would mean libdeflate broke its promise.
        guard written > 0 else { throw GzipError.failed("libdeflate produced nothing for \(input.count) bytes") }
        output.removeSubrange(written...)
        return output
    }

    public static func decompress(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32 accepts gzip or zlib headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw GzipError.failed("inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var input = input
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(16_384, input.count * 4))
        try input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let (status, produced): (Int32, Int) = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    let s = inflate(&stream, Z_NO_FLUSH)
                    return (s, outBuf.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return }
                guard status == Z_OK, produced > 0 || stream.avail_in > 0 else {
                    throw GzipError.failed("corrupt or truncated gzip data (inflate returned \(status))")
                }
            }
        }
        return output
    }
}
