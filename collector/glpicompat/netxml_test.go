package glpicompat

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
)

// referenceDir holds GLPI Agent's own XML output for the shared SNMP walks.
const referenceDir = "../../../shared/fixtures/snmp-walks/glpi-agent-reference"

func convertFile(t *testing.T, name string) []*inventory.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(referenceDir, name))
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	req, err := parseRequest(data)
	if err != nil {
		t.Fatal(err)
	}
	reps := convertXMLNetwork(req)
	for _, r := range reps {
		if err := repair(r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return reps
}

// TestXMLNetworkReferences converts every reference message: each is
// valid, and a device with facts gives one report of the right action.
func TestXMLNetworkReferences(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(referenceDir, "*.xml"))
	if len(files) < 20 {
		t.Fatalf("got %d reference files; want the 22 of the shared fixtures", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			reps := convertFile(t, name)
			want := inventory.ActionNetInventory
			if strings.Contains(name, "netdiscovery") {
				want = inventory.ActionNetDiscovery
			}
			for _, r := range reps {
				if r.Action != want || r.DeviceID == "" || r.Content.NetworkDevice == nil || r.ItemType == "" {
					t.Errorf("got action %q, deviceid %q, itemtype %q; want %s with a device", r.Action, r.DeviceID, r.ItemType, want)
				}
			}
		})
	}
}

func TestXMLNetworkSwitch(t *testing.T) {
	reps := convertFile(t, "cisco-c3560.netinventory.xml")
	if len(reps) != 1 {
		t.Fatalf("got %d reports; want 1", len(reps))
	}
	r := reps[0]
	d := r.Content.NetworkDevice
	if r.ItemType != inventory.ItemNetworkEquipment || d.Serial != "FOC1408Z61U" || d.Name != "ShiTang" ||
		d.MAC != "e8:04:62:78:f2:00" || len(d.IPs) != 2 || d.RAM != 128 || d.CPU != 33 {
		t.Errorf("got %s %+v; want the ShiTang switch", r.ItemType, d)
	}
	if len(r.Content.NetworkPorts) < 48 || len(r.Content.NetworkComponents) < 5 || len(r.Content.Firmwares) != 1 {
		t.Errorf("got %d ports, %d components, %d firmwares; want 48+, 5+, 1", len(r.Content.NetworkPorts),
			len(r.Content.NetworkComponents), len(r.Content.Firmwares))
	}
	var cdp, macs, vlans bool
	for _, p := range r.Content.NetworkPorts {
		for _, c := range p.Connections {
			cdp = cdp || (p.LLDP != nil && *p.LLDP && c.SysName == "OLD-ShiTang-WIRELESS" && c.IfDescr == "GigabitEthernet0/2")
			macs = macs || len(c.MAC) > 5
		}
		vlans = vlans || len(p.VLANs) > 0
	}
	if !cdp || !macs || !vlans {
		t.Errorf("got CDP neighbour %v, learned MACs %v, VLANs %v; want all", cdp, macs, vlans)
	}
	if c := r.Content.NetworkComponents[0]; c.Serial != "FOC1408Z61U" || c.Type != "chassis" || c.Firmware != "12.2(55)SE3" {
		t.Errorf("got component %+v; want the chassis", c)
	}
}

func TestXMLNetworkTaggedVLANs(t *testing.T) {
	reps := convertFile(t, "hpe-procurve-516733-b21.netinventory.xml")
	var tagged bool
	for _, p := range reps[0].Content.NetworkPorts {
		for _, v := range p.VLANs {
			tagged = tagged || (v.Tagged != nil && bool(*v.Tagged) && v.Number == "50")
		}
	}
	if !tagged {
		t.Error("got no tagged VLAN 50; want it")
	}
}

func TestXMLNetworkPrinter(t *testing.T) {
	reps := convertFile(t, "brother.netinventory.xml")
	r := reps[0]
	var cart map[string]string
	if err := json.Unmarshal(r.Content.Cartridges, &cart); err != nil {
		t.Fatal(err)
	}
	if r.ItemType != inventory.ItemPrinter || r.Content.NetworkDevice.Serial != "000A5J431816" ||
		cart["drumblack"] != "95" || cart["tonerblack"] != "OK" || len(r.Content.NetworkPorts) < 3 {
		t.Errorf("got %s, serial %q, cartridges %v, %d ports; want the Brother printer", r.ItemType,
			r.Content.NetworkDevice.Serial, cart, len(r.Content.NetworkPorts))
	}
	disc := convertFile(t, "brother.netdiscovery.xml")
	if len(disc) != 1 || disc[0].ItemType != inventory.ItemPrinter || disc[0].Content.NetworkDevice.Serial != "000A5J431816" {
		t.Errorf("got %+v; want the Brother printer discovered", disc)
	}
}

func TestXMLNetworkUnmanagedAndControl(t *testing.T) {
	req, err := parseRequest([]byte(`<REQUEST><DEVICEID>agent-1</DEVICEID><QUERY>NETDISCOVERY</QUERY><CONTENT>
		<DEVICE><IP>10.0.0.9</IP><MAC>00:11:22:33:44:55</MAC><NETBIOSNAME>PC-OLD</NETBIOSNAME></DEVICE>
		<AGENT><START>1</START></AGENT><MODULEVERSION>2.2</MODULEVERSION></CONTENT></REQUEST>`))
	if err != nil {
		t.Fatal(err)
	}
	reps := convertXMLNetwork(req)
	if len(reps) != 1 || reps[0].ItemType != inventory.ItemUnmanaged || reps[0].Content.NetworkDevice.Name != "PC-OLD" ||
		reps[0].Content.VersionClient != "FusionInventory-netdiscovery_v2.2" {
		t.Fatalf("got %+v; want one unmanaged PC-OLD", reps)
	}
	ctl, _ := parseRequest([]byte(`<REQUEST><DEVICEID>a</DEVICEID><QUERY>SNMPQUERY</QUERY><CONTENT><AGENT><END>1</END></AGENT></CONTENT></REQUEST>`))
	if reps := convertXMLNetwork(ctl); len(reps) != 0 {
		t.Errorf("got %d reports for a control message; want none", len(reps))
	}
}

// FuzzXMLNetwork: network messages never panic the converter, and what
// repair accepts validates.
func FuzzXMLNetwork(f *testing.F) {
	f.Add([]byte(`<REQUEST><DEVICEID>d</DEVICEID><QUERY>SNMPQUERY</QUERY><CONTENT><DEVICE><INFO><TYPE>NETWORKING</TYPE><NAME>sw</NAME><IPS><IP>10.0.0.1</IP></IPS></INFO><PORTS><PORT><IFNUMBER>1</IFNUMBER><IFSTATUS>up</IFSTATUS><TRUNK>1</TRUNK><VLANS><VLAN><NUMBER>10</NUMBER><TAGGED>1</TAGGED></VLAN></VLANS><AGGREGATE><PORT>2</PORT></AGGREGATE><CONNECTIONS><CDP>1</CDP><CONNECTION><SYSNAME>core</SYSNAME><MAC>00:11:22:33:44:55</MAC></CONNECTION></CONNECTIONS></PORT></PORTS></DEVICE></CONTENT></REQUEST>`))
	f.Add([]byte(`<REQUEST><DEVICEID>d</DEVICEID><QUERY>SNMPQUERY</QUERY><CONTENT><DEVICE><INFO><TYPE>PRINTER</TYPE></INFO><CARTRIDGES><TONERBLACK>12</TONERBLACK></CARTRIDGES><PAGECOUNTERS><TOTAL>1e3</TOTAL><BLACK>x</BLACK></PAGECOUNTERS></DEVICE></CONTENT></REQUEST>`))
	f.Add([]byte(`<REQUEST><DEVICEID>d</DEVICEID><QUERY>NETDISCOVERY</QUERY><CONTENT><DEVICE><IP>10.0.0.2</IP><TYPE>BOGUS</TYPE><AUTHSNMP>1</AUTHSNMP></DEVICE></CONTENT></REQUEST>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := parseRequest(data)
		if err != nil {
			return
		}
		for _, q := range []string{"SNMPQUERY", "NETDISCOVERY"} {
			req.Query = q
			for _, rep := range convertXMLNetwork(req) {
				if repair(rep) == nil {
					if err := rep.Validate(); err != nil {
						t.Fatalf("repair returned nil but the report is invalid: %v", err)
					}
				}
			}
		}
	})
}
