package snmp

import (
	"errors"
	"os"
	"testing"
)

func TestCheckSysObjectIDs(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line       int // 0: valid
	}{
		{"valid", "# comment\n9.1.1\tCisco\tNetworking\tC2500\n\n2.3.4\tIBM\n", 0},
		{"CRLF", "9.1.1\tCisco\tNetworking\tC2500\r\n", 0},
		{"bad OID", "9.1.1\tCisco\tNetworking\tC2500\n9.x.2\tCisco\n", 2},
		{"no tab", "# head\n\n9.1.1 Cisco Networking\n", 3},
		{"no manufacturer", "9.1.1\tCisco\n9.1.2\t \tNetworking\n", 2},
	} {
		_, err := CheckSysObjectIDs([]byte(tc.data))
		var le *SysObjectLineError
		switch {
		case tc.line == 0 && err != nil:
			t.Errorf("%s: got %v; want valid", tc.name, err)
		case tc.line != 0 && (!errors.As(err, &le) || le.Line != tc.line):
			t.Errorf("%s: got %v; want an error on line %d", tc.name, err, tc.line)
		}
	}
	if _, err := CheckSysObjectIDs([]byte("# only comments\n")); err == nil {
		t.Error("a file without entries: got no error")
	}
	if _, err := CheckSysObjectIDs([]byte{0xff, 0xfe, 0x00}); err == nil {
		t.Error("a binary file: got no error")
	}
	data, err := os.ReadFile("../../../shared/fixtures/sysobject.ids")
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	db, err := CheckSysObjectIDs(data)
	if err != nil || db.Len() < 1000 {
		t.Errorf("the shipped sysobject.ids: %d entries, %v; want it valid", db.Len(), err)
	}
}

// FuzzCheckSysObjectIDs: any upload gives an entry count or an error,
// never a panic, and an accepted file parses the same leniently.
func FuzzCheckSysObjectIDs(f *testing.F) {
	f.Add([]byte("9.1.1\tCisco\tNetworking\tC2500\n"))
	f.Add([]byte("9.x\tCisco\n"))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		db, err := CheckSysObjectIDs(data)
		if err != nil {
			return
		}
		if db.Skipped != 0 {
			t.Errorf("accepted a file with %d unreadable lines", db.Skipped)
		}
	})
}
