package collect

import "strings"

// decodeProductKey decodes the product key Windows keeps, base-24 encoded,
// in bytes 52..66 of the registry value DigitalProductId. Since Windows 8
// the key may hold an "N" whose position is the first base-24 digit; a
// flag in the top byte (byte 66) says so. It returns "" for a blob too short to hold a key
// and for the all-"B" key of machines activated by a digital licence with
// no key stored.
func decodeProductKey(id []byte) string {
	const (
		offset = 52
		digits = "BCDFGHJKMPQRTVWXY2346789"
	)
	if len(id) < offset+15 {
		return ""
	}
	var key [15]byte
	copy(key[:], id[offset:offset+15])
	win8 := (key[14] / 6) & 1
	key[14] = key[14]&0xF7 | (win8&2)*4

	out := make([]byte, 25)
	last := 0
	for i := 24; i >= 0; i-- {
		cur := 0
		for j := 14; j >= 0; j-- {
			cur = cur<<8 | int(key[j])
			key[j] = byte(cur / 24)
			cur %= 24
		}
		out[i] = digits[cur]
		last = cur
	}
	s := string(out)
	if win8 == 1 {
		// The first digit only carries the position of the N.
		s = s[1:1+last] + "N" + s[1+last:]
	}
	if strings.Trim(s, "B") == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < 25; i += 5 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(s[i : i+5])
	}
	return b.String()
}
