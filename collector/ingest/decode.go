package ingest

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// ErrTooLarge is returned when a body, once decompressed, exceeds the limit
// (a zip bomb, or a report far bigger than any real one).
var ErrTooLarge = errors.New("report too large")

// ErrBadEncoding is returned for a body whose compression cannot be read.
var ErrBadEncoding = errors.New("bad content encoding")

// DefaultMaxInflated bounds a decompressed report: the largest real reports
// (a server with thousands of packages) are a few MiB.
const DefaultMaxInflated = 64 << 20

// DecodeBody reads a request body compressed as its headers say: gzip or
// zlib ("Content-Encoding: gzip|deflate", or a body of type
// application/x-compress-zlib as GLPI agents send), or plain. "deflate" is
// zlib per HTTP, but raw DEFLATE is accepted too since some clients send
// it. At most limit bytes are inflated; more is ErrTooLarge.
func DecodeBody(r io.Reader, contentEncoding, contentType string, limit int64) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(contentEncoding))
	ct := strings.ToLower(contentType)
	br := bufio.NewReader(r)
	var zr io.Reader
	switch {
	case enc == "gzip" || enc == "x-gzip":
		g, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrBadEncoding, err)
		}
		defer g.Close()
		zr = g
	case enc == "deflate" || strings.Contains(ct, "x-compress"):
		z, err := zlibOrRaw(br)
		if err != nil {
			return nil, err
		}
		zr = z
	case enc == "" || enc == "identity":
		zr = br
	default:
		return nil, fmt.Errorf("%w: unsupported Content-Encoding %q; use gzip or deflate", ErrBadEncoding, contentEncoding)
	}
	data, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		// Wrapped twice so the caller can also recognise its own reader's
		// errors, such as *http.MaxBytesError.
		return nil, fmt.Errorf("%w: %w", ErrBadEncoding, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes once decompressed", ErrTooLarge, limit)
	}
	return data, nil
}

// zlibOrRaw reads a zlib stream, or raw DEFLATE when the two-byte zlib
// header is absent.
func zlibOrRaw(br *bufio.Reader) (io.Reader, error) {
	hdr, err := br.Peek(2)
	if err != nil {
		return nil, fmt.Errorf("%w: deflate: %v", ErrBadEncoding, err)
	}
	if hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
		z, err := zlib.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: zlib: %v", ErrBadEncoding, err)
		}
		return z, nil
	}
	return flate.NewReader(br), nil
}

// ParseReport parses and validates a decoded JSON report.
func ParseReport(data []byte) (*inventory.Report, error) {
	return inventory.Parse(data)
}
