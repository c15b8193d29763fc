package collect

import (
	"bytes"
	"strings"
	"time"
)

// cvdHeader is the 512-byte text header of a ClamAV database file
// (daily.cvd / daily.cld): "ClamAV-VDB:build time:version:signatures:
// functionality level:MD5:signature:builder:build time (Unix)".
type cvdHeader struct {
	Built   time.Time
	Version string
	Sigs    string
}

func parseCVDHeader(b []byte) (cvdHeader, bool) {
	if len(b) > 512 {
		b = b[:512]
	}
	b = bytes.TrimRight(b, " \x00")
	f := strings.Split(string(b), ":")
	if len(f) < 4 || f[0] != "ClamAV-VDB" {
		return cvdHeader{}, false
	}
	h := cvdHeader{Version: f[2], Sigs: f[3]}
	// "14 Feb 2024 09-28 -0500": the time uses '-' since ':' separates
	// the fields.
	if t, err := time.Parse("02 Jan 2006 15-04 -0700", strings.TrimSpace(f[1])); err == nil {
		h.Built = t
	}
	return h, true
}
