package collect

import (
	"context"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("bios", biosLinux) }

// efiGlobalVariable is the vendor GUID of the UEFI SecureBoot variable.
const secureBootVar = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c"

// biosLinux fills the bios section from SMBIOS, and secure_boot from the
// UEFI variable (4 bytes of attributes, then the value).
func biosLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	info, err := readDMI(env)
	if err != nil {
		return err
	}
	b := smbiosBios(info)
	switch v, err := env.ReadFile(secureBootVar); {
	case err == nil && len(v) >= 5 && v[4] == 1:
		b.SecureBoot = "enabled"
	case err == nil && len(v) >= 5:
		b.SecureBoot = "disabled"
	case !env.Exists("/sys/firmware/efi"):
		b.SecureBoot = "unsupported" // legacy BIOS boot
	}
	r.Content.Bios = b
	return nil
}
