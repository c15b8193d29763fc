package collect

import (
	"context"

	"github.com/parcproject/parc/pkg/inventory"
)

// operatingSystemDarwin fills the operatingsystem section from
// SystemVersion.plist and the kernel's facts.
func operatingSystemDarwin(ctx context.Context, env *Env, r *inventory.Report) error {
	o, err := macOperatingSystem(env, macHostFacts(ctx))
	if err != nil {
		return err
	}
	r.Content.OperatingSystem = o
	return nil
}
