package snmp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// expectedWalk is one entry of the shared snmp-walks/expected.json.
type expectedWalk struct {
	File     string `json:"file"`
	Upstream *struct {
		Values struct {
			Get        map[string]string            `json:"get"`
			Walk       map[string]map[string]string `json:"walk"`
			INFO       map[string]any               `json:"INFO"`
			Components []map[string]string          `json:"components"`
		} `json:"values"`
	} `json:"upstream_expected"`
	Ref *struct {
		INFO             map[string]any      `json:"INFO"`
		Cartridges       map[string]string   `json:"CARTRIDGES"`
		PortsCount       *int                `json:"PORTS_count"`
		PortsSample      []map[string]string `json:"PORTS_sample"`
		PortsWithVLANs   *int                `json:"ports_with_VLANS"`
		VLANNumbers      []string            `json:"distinct_VLAN_numbers"`
		PortsWithConns   *int                `json:"ports_with_CONNECTIONS"`
		PortsWithLLDP    *int                `json:"ports_with_CDP_or_LLDP_neighbour"`
		FDBTotal         *int                `json:"fdb_mac_total"`
		Neighbours       []neighbourRef      `json:"neighbours_sample"`
		TrunkPorts       []string            `json:"trunk_ports"`
		ComponentsCount  *int                `json:"COMPONENTS_count"`
		ComponentsSample []map[string]string `json:"COMPONENTS_sample"`
	} `json:"glpi_agent_reference"`
}

type neighbourRef struct {
	Local  string            `json:"local_IFNUMBER"`
	Remote map[string]string `json:"remote"`
}

func loadExpected(t *testing.T) []expectedWalk {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../../shared/fixtures/snmp-walks", "expected.json"))
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	var doc struct {
		Walks []expectedWalk `json:"walks"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Walks
}

// community returns the snmpsim community serving a walk of expected.json.
func (w expectedWalk) community() string {
	base := strings.TrimSuffix(strings.TrimSuffix(w.File, ".walk"), ".snmprec")
	if dir, name, ok := strings.Cut(base, "/"); ok && dir == "glpi-agent" {
		return "snmprec/glpi-agent-" + name
	}
	return base
}
