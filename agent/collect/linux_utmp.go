package collect

import (
	"bytes"
	"encoding/binary"
	"time"
)

// utmpSize is the size of one struct utmp record on Linux (glibc and musl,
// 32- and 64-bit alike: the time fields are 32-bit by ABI).
const utmpSize = 384

// utmp record types (utmp.h).
const (
	utmpUserProcess = 7
	utmpDeadProcess = 8
)

// utmpRecord is the part of a utmp/wtmp record the inventory uses.
type utmpRecord struct {
	Type int32
	Line string // tty, e.g. "tty2", "pts/0"
	User string
	Host string
	Time time.Time
}

// parseUtmp decodes consecutive utmp records (/run/utmp, /var/log/wtmp).
// A trailing partial record is ignored.
func parseUtmp(b []byte) []utmpRecord {
	out := make([]utmpRecord, 0, len(b)/utmpSize)
	for len(b) >= utmpSize {
		out = append(out, decodeUtmp(b[:utmpSize]))
		b = b[utmpSize:]
	}
	return out
}

// decodeUtmp reads one record: type int32 @0, pid @4, line[32] @8,
// id[4] @40, user[32] @44, host[256] @76, exit @332, session @336,
// tv_sec int32 @340, tv_usec @344, addr_v6 @348.
func decodeUtmp(r []byte) utmpRecord {
	sec := int32(binary.LittleEndian.Uint32(r[340:]))
	return utmpRecord{
		Type: int32(binary.LittleEndian.Uint32(r[0:])),
		Line: cString(r[8:40]),
		User: cString(r[44:76]),
		Host: cString(r[76:332]),
		Time: time.Unix(int64(uint32(sec)), 0),
	}
}

func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(bytes.ToValidUTF8(bytes.TrimSpace(b), nil))
}
