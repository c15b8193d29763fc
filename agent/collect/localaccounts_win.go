package collect

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// winAccount is a local user as NetUserEnum (level 23) gives it.
type winAccount struct {
	Name     string `json:"name"`
	FullName string `json:"full_name,omitempty"`
	Comment  string `json:"comment,omitempty"`
	Flags    uint32 `json:"flags,omitempty"` // UF_* bits, e.g. UF_ACCOUNTDISABLE 0x2
	SID      string `json:"sid"`
}

// winGroup is a local group with its members ("DOMAIN\name") as
// NetLocalGroupEnum and NetLocalGroupGetMembers give them.
type winGroup struct {
	Name    string   `json:"name"`
	Comment string   `json:"comment,omitempty"`
	SID     string   `json:"sid"`
	Members []string `json:"members,omitempty"`
}

// winAccounts is the machine's local account database.
type winAccounts struct {
	Users  []winAccount `json:"users"`
	Groups []winGroup   `json:"groups"`
}

// winAccountsSource reads the local account database. It is set on
// Windows (localaccounts_windows.go) to the netapi32 calls, which read the
// machine's own SAM only; Win32_UserAccount and Win32_Group, which GLPI
// Agent uses, enumerate the whole domain and take minutes on a large one.
// Tests replace it with recorded accounts.
var winAccountsSource func(ctx context.Context) (*winAccounts, error)

func winLoadAccounts(ctx context.Context) (*winAccounts, error) {
	if winAccountsSource == nil {
		return nil, fmt.Errorf("no local account database on this system: %w", ErrNoData)
	}
	return winAccountsSource(ctx)
}

// windowsLocalUsers lists local accounts with their profile directory.
func windowsLocalUsers(ctx context.Context, env *Env, r *inventory.Report) error {
	acc, err := winLoadAccounts(ctx)
	if err != nil {
		return err
	}
	homes := winProfiles(env)
	for _, u := range acc.Users {
		r.Content.LocalUsers = append(r.Content.LocalUsers, inventory.LocalUser{
			ID:    u.SID,
			Login: u.Name,
			Name:  u.FullName,
			Home:  homes[strings.ToUpper(u.SID)],
		})
	}
	if len(r.Content.LocalUsers) == 0 {
		return fmt.Errorf("no local account: %w", ErrNoData)
	}
	return nil
}

// windowsLocalGroups lists local groups and their members.
func windowsLocalGroups(ctx context.Context, _ *Env, r *inventory.Report) error {
	acc, err := winLoadAccounts(ctx)
	if err != nil {
		return err
	}
	for _, g := range acc.Groups {
		id := g.SID
		if id == "" {
			id = g.Name // the schema requires an id; a group whose SID failed to resolve keeps its name
		}
		r.Content.LocalGroups = append(r.Content.LocalGroups, inventory.LocalGroup{
			ID: id, Name: g.Name, Members: g.Members,
		})
	}
	if len(r.Content.LocalGroups) == 0 {
		return fmt.Errorf("no local group: %w", ErrNoData)
	}
	return nil
}

// winProfiles maps upper-case SIDs to profile directories from ProfileList.
func winProfiles(env *Env) map[string]string {
	out := map[string]string{}
	if env.Registry == nil {
		return out
	}
	sids, err := winSubKeys(env, "HKLM", regProfileList)
	if err != nil {
		return out
	}
	for _, sid := range sids {
		if v, err := winReg(env, "HKLM", regProfileList+`\`+sid); err == nil {
			if p := wStr(v, "ProfileImagePath"); p != "" {
				out[strings.ToUpper(sid)] = p
			}
		}
	}
	return out
}
