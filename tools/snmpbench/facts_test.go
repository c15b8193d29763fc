package main

import (
	"strings"
	"testing"
)

const twoDocs = `<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <DEVICE>
      <INFO><ID>1</ID><MODEL>MFC</MODEL><COMMENTS></COMMENTS></INFO>
      <PORTS><PORT><IFNAME>eth0</IFNAME><IFNUMBER>1</IFNUMBER><IFINERRORS>0</IFINERRORS>
        <IP>10.0.0.1</IP><IPS><IP>10.0.0.1</IP></IPS>
        <CONNECTIONS><CONNECTION><IFNUMBER>Eth1/19</IFNUMBER></CONNECTION></CONNECTIONS></PORT></PORTS>
      <COMPONENTS><COMPONENT><INDEX>1</INDEX><REVISION>V01</REVISION><VERSION>12.2</VERSION></COMPONENT></COMPONENTS>
    </DEVICE>
    <MODULEVERSION>4.2</MODULEVERSION>
  </CONTENT>
  <DEVICEID>foo</DEVICEID>
</REQUEST>
<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <DEVICE><IP>127.77.1.8</IP><DNSHOSTNAME>127.77.1.8</DNSHOSTNAME></DEVICE>
  </CONTENT>
</REQUEST>
`

func TestFusionDevices(t *testing.T) {
	devs, err := fusionDevices([]byte(twoDocs))
	if err != nil {
		t.Fatal(err)
	}
	if len(devs) != 2 {
		t.Fatalf("got %d devices; want 2", len(devs))
	}
	tests := []struct {
		dev   int
		facts int
		id    string
	}{
		// MODEL, IFNAME, IFNUMBER, IPS/IP, the neighbour's IFNUMBER, INDEX,
		// REVISION, VERSION; not ID, the empty COMMENTS, the zero
		// IFINERRORS, PORT/IP (it repeats IPS/IP)
		{0, 8, "1"},
		{1, 1, ""}, // IP; DNSHOSTNAME only repeats it
	}
	for _, tt := range tests {
		if got := devs[tt.dev].leaves(); got != tt.facts {
			t.Errorf("device %d: got %d facts; want %d", tt.dev, got, tt.facts)
		}
		if got := strings.TrimSpace(devs[tt.dev].path("INFO", "ID").text()); got != tt.id {
			t.Errorf("device %d: got ID %q; want %q", tt.dev, got, tt.id)
		}
	}
	if _, err := fusionDevices([]byte(twoDocs[:200])); err == nil {
		t.Error("truncated output: got no error")
	}
}

func TestContentFacts(t *testing.T) {
	report := map[string]any{
		"deviceid": "not counted",
		"content": map[string]any{
			"versionclient": "not counted",
			"parc": map[string]any{"collectors": []any{"not counted"}, "supplies": []any{map[string]any{"key": "not counted"}},
				"components": []any{map[string]any{"index": 1, "revision": "V05", "version": "12.2"}, map[string]any{"index": 2, "version": ""}}},
			"network_device": map[string]any{"name": "sw1", "ram": 128, "location": "", "ips": []any{"10.0.0.1", "10.0.0.2"}},
			"accesslog":      map[string]any{"logdate": "2026-01-01 00:00:00"},
			"network_ports":  []any{map[string]any{"ifnumber": 1, "ifinerrors": 0, "trunk": false, "lldp": true, "ifalias": nil}},
		},
	}
	got, err := contentFacts(report)
	if err != nil {
		t.Fatal(err)
	}
	if got != 8 {
		t.Errorf("got %d facts; want 8 (name, ram, 2 ips, ifnumber, lldp, a component's revision and version)", got)
	}
}

func FuzzParseXMLDocs(f *testing.F) {
	f.Add([]byte(twoDocs))
	f.Add([]byte("<A><B>x</B></A><C/>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		devs, _ := fusionDevices(b)
		for _, d := range devs {
			if d.leaves() < 0 {
				t.Fatal("negative count")
			}
		}
	})
}
