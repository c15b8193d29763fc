package inventory

import "fmt"

// ComponentRevision is what GLPI's network_components has no field for:
// an ENTITY-MIB entity's hardware revision (entPhysicalHardwareRev) and
// software version (entPhysicalSoftwareRev), keyed by the component's
// index. It travels in content.parc.components.
type ComponentRevision struct {
	Index    int64  `json:"index"`
	Revision string `json:"revision,omitempty"`
	Version  string `json:"version,omitempty"`
}

// maxComponentRevisions bounds content.parc.components, as a chassis of a
// large stack can list thousands of entities.
const maxComponentRevisions = 100000

func validateComponentRevisions(c *checker, p string, list []ComponentRevision) {
	if len(list) > maxComponentRevisions {
		c.add(p, "must hold at most %d components, got %d", maxComponentRevisions, len(list))
		return
	}
	for i, r := range list {
		f := fmt.Sprintf("%s[%d]", p, i)
		if len(r.Revision) > 255 {
			c.add(f+".revision", "must be at most 255 bytes, got %d", len(r.Revision))
		}
		if len(r.Version) > 255 {
			c.add(f+".version", "must be at most 255 bytes, got %d", len(r.Version))
		}
	}
}
