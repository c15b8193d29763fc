package glpicompat

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
)

const fixtures = "../../../shared/fixtures/"

func readXML(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(fixtures + path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasSuffix([]byte(path), []byte(".zlib")) {
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

func TestConvertXMLInventory(t *testing.T) {
	tests := []struct {
		file, deviceid, name string
		softwares            int
		check                func(t *testing.T, r *inventory.Report)
	}{
		{"glpi-inventory-format/legacy-xml/inventory_format-tests-1.xml", "LF014-2016-06-13-14-03-53", "LF014", 42, func(t *testing.T, r *inventory.Report) {
			if r.Content.Hardware.ChassisType != "Notebook" || r.Content.Hardware.Memory == 0 {
				t.Errorf("got hardware %+v; want a Notebook with memory", r.Content.Hardware)
			}
		}},
		{"glpi-inventory-format/legacy-xml/inventory_format-tests-2.xml", "pc-arg-23.cedre.local-2017-04-18-09-26-44", "", 8, func(t *testing.T, r *inventory.Report) {
			if len(r.Content.Antivirus) != 2 || r.Content.Antivirus[0].Name != "Windows Defender" {
				t.Errorf("got antivirus %+v; want Windows Defender first of 2", r.Content.Antivirus)
			}
			for _, s := range r.Content.Softwares {
				if s.InstallDate != "" && len(s.InstallDate) != 10 {
					t.Errorf("got install date %q; want YYYY-MM-DD", s.InstallDate)
				}
			}
		}},
		{"captured/fusioninventory-002-INVENTORY.body.zlib", "vm-2026-11-23-11-44-31", "vm", 804, func(t *testing.T, r *inventory.Report) {
			if len(r.Content.LocalGroups) == 0 || len(r.Content.Networks) == 0 || r.Content.OperatingSystem == nil {
				t.Errorf("got %d groups, %d networks, os %v; want them converted", len(r.Content.LocalGroups), len(r.Content.Networks), r.Content.OperatingSystem)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			req, err := parseRequest(readXML(t, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if req.Query != "INVENTORY" || req.DeviceID != tc.deviceid {
				t.Fatalf("got query %q deviceid %q; want INVENTORY %q", req.Query, req.DeviceID, tc.deviceid)
			}
			rep := convertXMLInventory(req)
			if err := repair(rep); err != nil {
				t.Fatalf("repair: %v", err)
			}
			if tc.name != "" && rep.Content.Hardware.Name != tc.name {
				t.Errorf("got name %q; want %q", rep.Content.Hardware.Name, tc.name)
			}
			if got := len(rep.Content.Softwares); got < tc.softwares-2 || got > tc.softwares {
				t.Errorf("got %d softwares; want about %d", got, tc.softwares)
			}
			tc.check(t, rep)
		})
	}
}

func TestNormDate(t *testing.T) {
	tests := []struct{ in, order, want string }{
		{"26/10/2016", "dmy", "2016-10-26"},
		{"02/06/2016", "mdy", "2016-02-06"},
		{"2016-10-26", "dmy", "2016-10-26"},
		{"20170103", "dmy", "2017-01-03"},
		{"31/31/2016", "dmy", ""},
		{"yesterday", "mdy", ""},
	}
	for _, tc := range tests {
		if got := normDate(tc.in, tc.order); got != tc.want {
			t.Errorf("normDate(%q, %s): got %q; want %q", tc.in, tc.order, got, tc.want)
		}
	}
}

func TestRepair(t *testing.T) {
	rep := &inventory.Report{DeviceID: "d"}
	rep.Content.Softwares = []inventory.Software{{Name: "a"}, {Version: "no name"}, {Name: "b", InstallDate: "someday"}}
	rep.Content.Networks = []inventory.Network{{Description: "eth0", Status: "Running"}}
	rep.Content.OperatingSystem = &inventory.OperatingSystem{Timezone: &inventory.Timezone{Offset: "+0100"}}
	if err := repair(rep); err != nil {
		t.Fatal(err)
	}
	c := rep.Content
	if len(c.Softwares) != 2 || c.Softwares[1].Name != "b" || c.Softwares[1].InstallDate != "" || c.Networks[0].Status != "" ||
		c.OperatingSystem.Timezone != nil || c.VersionClient == "" {
		t.Errorf("got %+v; want the bad item dropped and bad values cleared", c)
	}
	if err := repair(&inventory.Report{}); err == nil {
		t.Error("got no error for a report without deviceid")
	}
}

// FuzzXMLInventory: XML parsing, conversion and repair never panic.
func FuzzXMLInventory(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><REQUEST><DEVICEID>d</DEVICEID><QUERY>INVENTORY</QUERY><CONTENT><HARDWARE><NAME>pc</NAME><MEMORY>x</MEMORY></HARDWARE><SOFTWARES><NAME>a</NAME><INSTALLDATE>01/02/2003</INSTALLDATE></SOFTWARES></CONTENT></REQUEST>`))
	f.Add([]byte(`<REQUEST><QUERY>PROLOG</QUERY></REQUEST>`))
	f.Add([]byte(`<REQUEST><CONTENT><LOCAL_GROUPS><MEMBER>a</MEMBER><MEMBER>b</MEMBER></LOCAL_GROUPS><OPERATINGSYSTEM><TIMEZONE><NAME>x</NAME></TIMEZONE></OPERATINGSYSTEM></CONTENT></REQUEST>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := parseRequest(data)
		if err != nil {
			return
		}
		rep := convertXMLInventory(req)
		if repair(rep) == nil {
			if err := rep.Validate(); err != nil {
				t.Fatalf("repair returned nil but the report is invalid: %v", err)
			}
		}
	})
}
