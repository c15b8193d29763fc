package collect

import (
	"bufio"
	"bytes"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// parsePasswd reads /etc/passwd: login:x:uid:gid:gecos:home:shell. The
// full name is the first comma-separated part of the GECOS field.
func parsePasswd(b []byte) []inventory.LocalUser {
	var out []inventory.LocalUser
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue // comments and NIS compat entries
		}
		f := strings.Split(line, ":")
		if len(f) < 7 || f[0] == "" || f[2] == "" {
			continue
		}
		name, _, _ := strings.Cut(f[4], ",")
		out = append(out, inventory.LocalUser{
			Login: f[0], ID: f[2], Name: strings.TrimSpace(name), Home: f[5], Shell: f[6],
		})
	}
	return out
}

// parseGroup reads /etc/group: name:x:gid:member,member.
func parseGroup(b []byte) []inventory.LocalGroup {
	var out []inventory.LocalGroup
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || line[0] == '+' || line[0] == '-' {
			continue
		}
		f := strings.Split(line, ":")
		if len(f) < 4 || f[0] == "" || f[2] == "" {
			continue
		}
		g := inventory.LocalGroup{Name: f[0], ID: f[2]}
		for _, m := range strings.Split(f[3], ",") {
			if m = strings.TrimSpace(m); m != "" {
				g.Members = append(g.Members, m)
			}
		}
		out = append(out, g)
	}
	return out
}
