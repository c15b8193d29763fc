package collect

import (
	"context"
	"fmt"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() {
	Register("local_users", localUsersLinux)
	Register("local_groups", localGroupsLinux)
}

// localUsersLinux lists the accounts of /etc/passwd (not the directory
// users of LDAP or AD, which are not local).
func localUsersLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	b, err := env.ReadFile("/etc/passwd")
	if err != nil {
		return fmt.Errorf("read passwd: %w", ErrNoData)
	}
	r.Content.LocalUsers = parsePasswd(b)
	return nil
}

// localGroupsLinux lists the groups of /etc/group with their members.
func localGroupsLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	b, err := env.ReadFile("/etc/group")
	if err != nil {
		return fmt.Errorf("read group: %w", ErrNoData)
	}
	r.Content.LocalGroups = parseGroup(b)
	return nil
}
