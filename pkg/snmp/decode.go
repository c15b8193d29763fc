package snmp

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gosnmp/gosnmp"
)

// Devices answer with every type SNMP has, and often with the wrong one: a
// counter as a string, a MAC as text, a name padded with NULs, a Latin-1
// name. These helpers turn one variable into what a report needs and never
// panic on what a device sends.

// absent reports whether a variable carries no value (noSuchObject,
// noSuchInstance, endOfMibView, NULL).
func absent(p gosnmp.SnmpPDU) bool {
	switch p.Type {
	case gosnmp.NoSuchObject, gosnmp.NoSuchInstance, gosnmp.EndOfMibView, gosnmp.Null, gosnmp.UnknownType:
		return true
	}
	return p.Value == nil
}

// pduBytes returns the raw bytes of an OCTET STRING (or Opaque) variable.
func pduBytes(p gosnmp.SnmpPDU) []byte {
	switch v := p.Value.(type) {
	case []byte:
		return v
	case string:
		return []byte(v)
	}
	return nil
}

// pduString renders a variable as text: printable strings as themselves
// (trailing NULs and blanks removed), binary strings as "0x" and upper-case
// hex as GLPI Agent does, numbers in decimal, OIDs and addresses as dotted
// text. Absent values give "".
func pduString(p gosnmp.SnmpPDU) string {
	if absent(p) {
		return ""
	}
	switch p.Type {
	case gosnmp.OctetString, gosnmp.BitString, gosnmp.Opaque:
		if b := pduBytes(p); b != nil {
			return bytesString(b)
		}
	case gosnmp.ObjectIdentifier:
		if s, ok := p.Value.(string); ok {
			return normOID(s)
		}
	case gosnmp.IPAddress:
		if s, ok := p.Value.(string); ok {
			return s
		}
	}
	if n, ok := pduBig(p); ok {
		return n.String()
	}
	return strings.TrimSpace(fmt.Sprint(p.Value))
}

// bytesString is pduString for raw bytes.
func bytesString(b []byte) string {
	// Trailing NULs are C string terminators some printers send along;
	// in binary values (engine IDs, MACs) they are data.
	text := b
	for len(text) > 0 && text[len(text)-1] == 0 {
		text = text[:len(text)-1]
	}
	if len(text) == 0 {
		return ""
	}
	if hasControl(text) {
		return "0x" + strings.ToUpper(hex.EncodeToString(b))
	}
	b = text
	if utf8.Valid(b) {
		return strings.TrimSpace(string(b))
	}
	// Not UTF-8 but no control byte: an 8-bit code page (Latin-1, GBK...).
	// Read it as Latin-1 so nothing is lost, as GLPI Agent does.
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return strings.TrimSpace(string(r))
}

// hasControl reports control bytes other than tab, CR and LF, which mark a
// binary value.
func hasControl(b []byte) bool {
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return true
		}
	}
	return false
}

// pduBig returns a numeric variable as a big integer.
func pduBig(p gosnmp.SnmpPDU) (*big.Int, bool) {
	switch v := p.Value.(type) {
	case int:
		return big.NewInt(int64(v)), true
	case int64:
		return big.NewInt(v), true
	case int32:
		return big.NewInt(int64(v)), true
	case uint:
		return new(big.Int).SetUint64(uint64(v)), true
	case uint32:
		return big.NewInt(int64(v)), true
	case uint64:
		return new(big.Int).SetUint64(v), true
	case *big.Int:
		if v != nil {
			return v, true
		}
	}
	return nil, false
}

// pduInt returns a variable as an integer. Numeric strings count too,
// because some printers answer their counters as text.
func pduInt(p gosnmp.SnmpPDU) (int64, bool) {
	if absent(p) {
		return 0, false
	}
	if n, ok := pduBig(p); ok {
		if !n.IsInt64() {
			return 0, false
		}
		return n.Int64(), true
	}
	if b := pduBytes(p); b != nil {
		s := strings.TrimSpace(strings.TrimRight(string(b), "\x00"))
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return n, true
		}
	}
	return 0, false
}

// pduUint returns a counter, which may exceed int64 for Counter64.
func pduUint(p gosnmp.SnmpPDU) (uint64, bool) {
	if n, ok := pduBig(p); ok && n.Sign() >= 0 && n.IsUint64() {
		return n.Uint64(), true
	}
	n, ok := pduInt(p)
	if !ok || n < 0 {
		return 0, false
	}
	return uint64(n), true
}

// pduMAC returns a MAC address variable in lower-case colon form, or "".
func pduMAC(p gosnmp.SnmpPDU) string {
	if absent(p) {
		return ""
	}
	b := pduBytes(p)
	if len(b) == 6 {
		return macString(b)
	}
	return parseMAC(string(b))
}

// macString formats 6 bytes as aa:bb:cc:dd:ee:ff.
func macString(b []byte) string {
	if len(b) != 6 {
		return ""
	}
	return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5])
}

// parseMAC reads the textual MAC forms devices use ("3c:2a:f4:bf:f5:1b",
// "3C-2A-F4-BF-F5-1B", "3c2a.f4bf.f51b", "0x3C2AF4BFF51B", "3C2AF4BFF51B",
// "3c:2a:f4:bf:f5:1b " and "0:1b:..." with short bytes) and returns the
// colon form, or "".
func parseMAC(s string) string {
	s = strings.TrimSpace(strings.TrimRight(s, "\x00"))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	var parts []string
	switch {
	case strings.Count(s, ":") == 5:
		parts = strings.Split(s, ":")
	case strings.Count(s, "-") == 5:
		parts = strings.Split(s, "-")
	case strings.Count(s, " ") == 5:
		parts = strings.Split(s, " ")
	case strings.Count(s, ".") == 2 && len(s) == 14:
		s = strings.ReplaceAll(s, ".", "")
		fallthrough
	case len(s) == 12:
		parts = []string{s[0:2], s[2:4], s[4:6], s[6:8], s[8:10], s[10:12]}
	default:
		return ""
	}
	b := make([]byte, 6)
	for i, p := range parts {
		if len(p) == 0 || len(p) > 2 {
			return ""
		}
		n, err := strconv.ParseUint(p, 16, 8)
		if err != nil {
			return ""
		}
		b[i] = byte(n)
	}
	return macString(b)
}

// validMAC reports whether mac is a usable hardware address: not empty,
// not all zeros, not broadcast.
func validMAC(mac string) bool {
	return mac != "" && mac != "00:00:00:00:00:00" && mac != "ff:ff:ff:ff:ff:ff"
}

// formatTicks renders TimeTicks (hundredths of a second) as net-snmp and
// GLPI Agent do: "25 days, 4:16:37.35", "1 day, 0:00:01.00",
// "11:53:24.23".
func formatTicks(t uint64) string {
	cs := t % 100
	s := t / 100
	days, s := s/86400, s%86400
	h, m, sec := s/3600, (s%3600)/60, s%60
	clock := fmt.Sprintf("%d:%02d:%02d.%02d", h, m, sec, cs)
	switch days {
	case 0:
		return clock
	case 1:
		return "1 day, " + clock
	}
	return fmt.Sprintf("%d days, %s", days, clock)
}

// pduTicks renders a TimeTicks variable with formatTicks; other types are
// rendered as text.
func pduTicks(p gosnmp.SnmpPDU) string {
	if absent(p) {
		return ""
	}
	if p.Type == gosnmp.TimeTicks {
		if n, ok := pduUint(p); ok {
			return formatTicks(n)
		}
	}
	return pduString(p)
}
