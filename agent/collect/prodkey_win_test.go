package collect

import (
	"strings"
	"testing"
)

// encodeProductKey is decodeProductKey's inverse, to build test blobs the
// way Windows stores them.
func encodeProductKey(key string) []byte {
	const digits = "BCDFGHJKMPQRTVWXY2346789"
	s := strings.ReplaceAll(key, "-", "")
	n := strings.IndexByte(s, 'N')
	win8 := n >= 0
	if win8 {
		s = string(digits[n]) + s[:n] + s[n+1:]
	}
	var num [15]byte // little-endian base-256 accumulator
	for i := 0; i < len(s); i++ {
		carry := strings.IndexByte(digits, s[i])
		for j := 0; j < 15; j++ {
			v := int(num[j])*24 + carry
			num[j], carry = byte(v), v>>8
		}
	}
	if win8 {
		num[14] |= 0x08
	}
	blob := make([]byte, 164)
	copy(blob[52:], num[:])
	return blob
}

func TestDecodeProductKey(t *testing.T) {
	for _, key := range []string{
		"VK7JG-NPHTM-C97JM-9MPGT-3V66T", // Windows 10/11 Pro generic key
		"VDYBN-27WPP-V4HQT-9VMD4-VMK7H", // Server 2022 Standard KMS client key
		"NPPR9-FWDCX-D2C8J-H872K-2YT43", // N first
		"W269N-WFGWX-YVC9B-4J6C9-T83GX",
	} {
		t.Run(key, func(t *testing.T) {
			if got := decodeProductKey(encodeProductKey(key)); got != key {
				t.Errorf("got %q; want %q", got, key)
			}
		})
	}
	for name, blob := range map[string][]byte{"short": make([]byte, 66), "empty": nil, "all zero": make([]byte, 164)} {
		if got := decodeProductKey(blob); got != "" {
			t.Errorf("%s: got %q; want \"\"", name, got)
		}
	}
}

func FuzzDecodeProductKey(f *testing.F) {
	f.Add(encodeProductKey("VK7JG-NPHTM-C97JM-9MPGT-3V66T"))
	f.Add(make([]byte, 67))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		k := decodeProductKey(b)
		if k != "" && (len(k) != 29 || strings.Count(k, "-") != 4) {
			t.Errorf("decodeProductKey gave %q", k)
		}
	})
}
