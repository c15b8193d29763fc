package collect

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// windowsUsers lists the users with an open session. Each interactive
// logon loads the user's hive under HKU and writes a "Volatile Environment"
// key holding USERNAME and USERDOMAIN, which a service account's hive does
// not have. Reading it is instant, where GLPI Agent's way (owners of
// explorer.exe processes through WMI) takes seconds.
func windowsUsers(_ context.Context, env *Env, r *inventory.Report) error {
	sids, err := winSubKeys(env, "HKU", "")
	if err != nil {
		return fmt.Errorf("list loaded user hives: %w", err)
	}
	seen := map[string]bool{}
	for _, sid := range sids {
		if !winUserSID(sid) {
			continue
		}
		ve, err := winReg(env, "HKU", sid+`\Volatile Environment`)
		if err != nil {
			continue // hive unloading under us: not a session any more
		}
		u := inventory.User{Login: wStr(ve, "USERNAME"), Domain: wStr(ve, "USERDOMAIN")}
		key := strings.ToLower(u.Domain + `\` + u.Login)
		if u.Login == "" || seen[key] {
			continue
		}
		seen[key] = true
		r.Content.Users = append(r.Content.Users, u)
	}
	if len(r.Content.Users) == 0 {
		return fmt.Errorf("no interactive session: %w", ErrNoData)
	}
	return nil
}

// winUserSID says whether a hive name is a person's account: local or
// Active Directory (S-1-5-21-...) or Entra ID (S-1-12-1-...), not the
// "_Classes" companion hive nor a service account.
func winUserSID(sid string) bool {
	if strings.HasSuffix(strings.ToLower(sid), "_classes") {
		return false
	}
	return strings.HasPrefix(sid, "S-1-5-21-") || strings.HasPrefix(sid, "S-1-12-1-")
}
