package ingest

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"os"
	"testing"
)

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func zl(b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func raw(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestDecodeBody(t *testing.T) {
	plain := []byte(`{"deviceid":"x","content":{"versionclient":"v"}}`)
	captured, err := os.ReadFile("../../../shared/fixtures/captured/fusioninventory-002-INVENTORY.body.zlib")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, enc, ctype string
		body             []byte
		want             []byte // nil: just check the prefix below
		wantErr          error
	}{
		{"plain", "", "application/json", plain, plain, nil},
		{"gzip", "gzip", "application/json", gz(plain), plain, nil},
		{"deflate is zlib", "deflate", "application/json", zl(plain), plain, nil},
		{"deflate raw", "deflate", "application/json", raw(plain), plain, nil},
		{"zlib body type", "", "application/x-compress-zlib", zl(plain), plain, nil},
		{"captured fusioninventory", "", "application/x-compress-zlib", captured, nil, nil},
		{"bad gzip", "gzip", "", plain, nil, ErrBadEncoding},
		{"unknown encoding", "br", "", plain, nil, ErrBadEncoding},
		{"truncated gzip", "gzip", "", gz(plain)[:20], nil, ErrBadEncoding},
		{"bomb", "gzip", "", gz(make([]byte, 2<<20)), nil, ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeBody(bytes.NewReader(tc.body), tc.enc, tc.ctype, 1<<20)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("got %v; want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.want != nil && !bytes.Equal(got, tc.want) {
				t.Errorf("got %q; want %q", got, tc.want)
			}
			if tc.want == nil && !bytes.HasPrefix(got, []byte("<?xml")) {
				t.Errorf("got %q...; want an XML document", got[:min(20, len(got))])
			}
		})
	}
}

// FuzzDecodeBody feeds compressed and plain bodies through decoding and
// parsing: it must never panic, and never return more than the limit.
func FuzzDecodeBody(f *testing.F) {
	plain := []byte(`{"deviceid":"x","content":{"versionclient":"v","hardware":{"name":"PC"}}}`)
	f.Add(plain, "", "application/json")
	f.Add(gz(plain), "gzip", "")
	f.Add(zl(plain), "deflate", "")
	f.Add(raw(plain), "deflate", "")
	f.Add(zl(plain), "", "application/x-compress-zlib")
	f.Add(gz(bytes.Repeat([]byte("a"), 1<<16)), "gzip", "")
	f.Fuzz(func(t *testing.T, body []byte, enc, ctype string) {
		const limit = 1 << 16
		data, err := DecodeBody(bytes.NewReader(body), enc, ctype, limit)
		if err != nil {
			return
		}
		if len(data) > limit {
			t.Fatalf("got %d bytes; want at most %d", len(data), limit)
		}
		ParseReport(data) // must not panic
	})
}
