package collect

import (
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
)

func TestMergeContent(t *testing.T) {
	dst := inventory.Content{
		Hardware:  &inventory.Hardware{Name: "pc1", Memory: 0},
		Softwares: []inventory.Software{{Name: "a"}},
	}
	src := inventory.Content{
		VersionClient: "v",
		Hardware:      &inventory.Hardware{Name: "other", Memory: 8192},
		Softwares:     []inventory.Software{{Name: "b"}},
		Bios:          &inventory.Bios{SSN: "123"},
	}
	mergeContent(&dst, &src)
	if dst.Hardware.Name != "pc1" {
		t.Errorf("hardware.name: got %q; want pc1 (first wins)", dst.Hardware.Name)
	}
	if dst.Hardware.Memory != 8192 {
		t.Errorf("hardware.memory: got %d; want 8192", dst.Hardware.Memory)
	}
	if len(dst.Softwares) != 2 || dst.Softwares[1].Name != "b" {
		t.Errorf("softwares: got %+v; want a then b", dst.Softwares)
	}
	if dst.Bios == nil || dst.Bios.SSN != "123" {
		t.Errorf("bios: got %+v; want ssn 123", dst.Bios)
	}
	if dst.VersionClient != "v" {
		t.Errorf("versionclient: got %q; want v", dst.VersionClient)
	}
}
