package collect

import (
	"context"
	"fmt"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("memories", memoriesLinux) }

// memoriesLinux lists the memory slots from SMBIOS types 16 and 17. Only
// the raw table has them, and it is root-only: without it the collector
// reports no data rather than guessing modules from the RAM total.
func memoriesLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	dmi, err := readDMI(env)
	if err != nil {
		return err
	}
	mems := smbiosMemories(dmi)
	if len(mems) == 0 {
		return fmt.Errorf("no memory device in SMBIOS (raw table needs root): %w", ErrNoData)
	}
	r.Content.Memories = mems
	return nil
}
