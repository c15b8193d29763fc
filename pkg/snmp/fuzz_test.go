package snmp

import (
	"bytes"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"

	"github.com/gosnmp/gosnmp"
)

// tableFromRec reads snmprec-style lines ("suffix|tag|value", tag 4x for
// hex strings) into a Table, so fuzzers can build any device answer:
// odd types, truncated rows, hex strings, huge indexes.
func tableFromRec(data string) Table {
	t := Table{}
	for _, line := range strings.Split(data, "\n") {
		f := strings.SplitN(line, "|", 3)
		if len(f) != 3 {
			continue
		}
		t[strings.Trim(f[0], ".")] = pduFromRec(f[1], f[2])
	}
	return t
}

func pduFromRec(tag, val string) gosnmp.SnmpPDU {
	hexed := strings.HasSuffix(tag, "x")
	n, _ := strconv.Atoi(strings.TrimSuffix(tag, "x"))
	raw := []byte(val)
	if hexed {
		if b, err := hex.DecodeString(val); err == nil {
			raw = b
		}
	}
	p := gosnmp.SnmpPDU{Type: gosnmp.Asn1BER(n)}
	i, _ := strconv.ParseInt(val, 10, 64)
	switch p.Type {
	case gosnmp.Integer:
		p.Value = int(i)
	case gosnmp.Counter32, gosnmp.Gauge32:
		p.Value = uint(i)
	case gosnmp.TimeTicks:
		p.Value = uint32(i)
	case gosnmp.Counter64:
		p.Value = uint64(i)
	case gosnmp.ObjectIdentifier, gosnmp.IPAddress:
		p.Value = val
	case gosnmp.Null, gosnmp.NoSuchObject, gosnmp.NoSuchInstance, gosnmp.EndOfMibView:
	default:
		p.Type = gosnmp.OctetString
		p.Value = raw
	}
	return p
}

// FuzzDecodeAnswers feeds arbitrary device answers to every decoder of
// the inventory: none may panic, whatever the types and shapes.
func FuzzDecodeAnswers(f *testing.F) {
	f.Add("1.1|2|1\n2.1|4|Gi0/1\n6.1|4x|3c2af4bff51b\n5.1|66|1000000000\n8.1|2|1\n7.1|2|9")
	f.Add("9.1.1|2|-3\n8.1.1|2|-2\n5.1.1|2|3\n6.1.1|4|Black Toner\n3.1.1|2|1\n9.1.2|2|11501\n8.1.2|2|12000")
	f.Add("10.0.563.1|4x|22483343|\n9.0.563.1|4|sw\n4.0.563.1|2|4\n5.0.563.1|4x|70f96ddfeb0f\n7.0.1|4|x")
	f.Add("4.10149.3|4x|0a0164b5\n5.10149.3|4|IOS\n8.10149.3|4|cisco WS-C3560\n6.10149.3|4x|0011223344\n7.10149.3|4|Gi0/2")
	f.Add("13.1001|4|WS-C3560G\n5.1001|2|3\n4.1001|2|0\n11.1001|4|FOC1408Z61U\n16.1001|2|2")
	f.Add("1|4x|ffff\n2|4x|00\n99999999999999999999|2|1\n1.2.3.4.5.6.7|2|70000\n|2|")
	f.Fuzz(func(t *testing.T, data string) {
		tb := tableFromRec(data)
		buildPorts(map[string]Table{"if1": tb, "if2": tb, "ifx1": tb, "if6": tb, "ifx15": tb}, tb, tb)
		buildSupplies(tb, tb)
		buildComponents(tb)
		buildForce10(tb, tb)
		buildLLDP(tb, tb, tb)
		buildCDP(tb)
		buildVLANs(map[string]Table{oidVmVlan: tb, oidVtpVlanName: tb, oidDot1qVlanStaticStatus: tb,
			oidDot1qVlanStaticEgress: tb, oidDot1qVlanStaticUntagged: tb, oidLldpXdot1VlanName: tb}, tb)
		buildTrunks(map[string]Table{oidLldpXdot1PortVlanID: tb}, tb)
		buildAggregates(map[string]Table{oidDot3adAggPortAttached: tb})
		fdbMACs(tb, tb)
		arpMACs(tb, tb)
		pickBaseMAC(tb, tb, tb)
		lldpManAddrs(tb)
		for s, p := range tb {
			pduString(p)
			pduTicks(p)
			pduMAC(p)
			pduInt(p)
			ipFromSuffix(s)
			epsonModelFromOID(s)
		}
	})
}

// FuzzDecodeValue checks the value decoders on raw strings: sysDescr with
// an OID glued on, binary, Latin-1, MAC spellings.
func FuzzDecodeValue(f *testing.F) {
	f.Add([]byte("ProCurve 516733-B21 6120XG Blade Switch, revision Z.14.31, ROM Z.14.09 (/ws/sw(ec_Z_zint1.3.6.1.4.1.11.2.3.7.11.107"))
	f.Add([]byte{0, 0, 0, 0x0b, 0, 0, 0, 0x18, 0x71, 0xc1, 0xe0, 0})
	f.Add([]byte("\xcd\xe2\xca\xc2\xc2\xa5-S5800"))
	f.Add([]byte("3c2a.f4bf.f51b"))
	f.Add([]byte("\"quoted\" i\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s := bytesString(b)
		if hasControl(bytes.TrimRight(b, "\x00")) && !strings.HasPrefix(s, "0x") {
			t.Errorf("binary %q rendered as text %q", b, s)
		}
		cleanText(s)
		cleanSerial(s)
		if m := parseMAC(string(b)); m != "" && len(m) != 17 {
			t.Errorf("parseMAC(%q) = %q", b, m)
		}
		matchSysDescr(s)
		hpStatusModel(s)
		pduInt(gosnmp.SnmpPDU{Type: gosnmp.OctetString, Value: b})
	})
}

// FuzzSysObjectIDs parses arbitrary sysobject.ids files and looks OIDs up.
func FuzzSysObjectIDs(f *testing.F) {
	f.Add("9\tCisco\tNETWORKING\n9.1.617\tCisco\tNETWORKING\tCatalyst 3560G-48TS\n", ".1.3.6.1.4.1.9.1.617.5")
	f.Add("# comment\n\n2435.2.3.9.1\tBrother\tPRINTER\n", ".1.3.6.1.4.1.2435")
	f.Add("1663.1.1.1.1.24\tQlogic\tNETWORKING\tSANbox\tQlogic\n..\t\t\n1.x\tA\n", "1.3.6.1.4.1.1663.1.1.1.1.24")
	f.Fuzz(func(t *testing.T, file, oid string) {
		db, err := ParseSysObjectIDs(strings.NewReader(file))
		if err != nil {
			return
		}
		if e, ok := db.Lookup(oid); ok && e.Manufacturer == "" {
			t.Errorf("entry without manufacturer for %q", oid)
		}
	})
}

// FuzzParseTargets expands arbitrary target lists without panicking or
// exceeding the sweep bound.
func FuzzParseTargets(f *testing.F) {
	f.Add("10.0.0.0/24")
	f.Add("10.0.0.250-10.0.1.3, 2001:db8::/126")
	f.Add("0.0.0.0-255.255.255.255")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTargets([]string{s})
		if err == nil && len(got) > maxTargets {
			t.Errorf("%d targets", len(got))
		}
	})
}

// FuzzParseARP reads arbitrary neighbour tables.
func FuzzParseARP(f *testing.F) {
	f.Add("IP address HW type Flags HW address Mask Device\n10.0.0.1 0x1 0x2 aa:bb:cc:dd:ee:ff * eth0\n")
	f.Add("10.0.0.2 0x1 0x0 00:00:00:00:00:00 * eth0\nfe80::1 0x1 0xzz x")
	f.Fuzz(func(t *testing.T, s string) {
		for ip, mac := range ParseARP(strings.NewReader(s)) {
			if !ip.IsValid() || !validMAC(mac) {
				t.Errorf("bad entry %v %q", ip, mac)
			}
		}
	})
}
