package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/forms"
)

// option is one value a question offers, in display order.
type option struct{ Value, Label string }

// formChoices are what a form's dynamic questions offer: by question key,
// the options in order and, for validation, forms.Options.
type formChoices struct {
	List map[string][]option
	Opts forms.Options
	// Device is the machine to preselect in "devices" questions (the one
	// the user last logged on to), "" if none.
	Device string
}

// formChoices loads only what the form's dynamic questions need: the
// user's own devices, the locations, the active users.
func (s *Server) formChoices(ctx context.Context, r *http.Request, def *forms.Form) (*formChoices, error) {
	c := &formChoices{List: map[string][]option{}, Opts: forms.Options{}}
	need := map[forms.Type]bool{}
	for _, q := range def.Questions() {
		need[q.Type] = true
	}
	byType := map[forms.Type][]option{}
	if need[forms.TypeDevices] {
		tq, err := s.tickets()
		if err != nil {
			return nil, err
		}
		u := state(r).user
		devs, err := tq.UserDevices(ctx, u.ID, u.Login)
		if err != nil {
			return nil, err
		}
		for _, d := range devs {
			label := d.Name
			if d.Model != "" {
				label += " (" + d.Model + ")"
			}
			byType[forms.TypeDevices] = append(byType[forms.TypeDevices], option{strconv.FormatInt(d.ID, 10), label})
		}
		if id := preselect(devs, 0, u.Login); id != 0 {
			c.Device = strconv.FormatInt(id, 10)
		}
	}
	if need[forms.TypeLocation] {
		locs, err := s.st.ListLocations(ctx)
		if err != nil {
			return nil, err
		}
		for _, l := range locs {
			byType[forms.TypeLocation] = append(byType[forms.TypeLocation], option{strconv.FormatInt(l.ID, 10), l.Name})
		}
	}
	if need[forms.TypeUser] {
		users, err := s.st.ListUsers(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			if u.Disabled {
				continue
			}
			label := u.Login
			if u.Name != "" {
				label = u.Name + " (" + u.Login + ")"
			}
			byType[forms.TypeUser] = append(byType[forms.TypeUser], option{strconv.FormatInt(u.ID, 10), label})
		}
	}
	for _, q := range def.Questions() {
		if !q.Type.Dynamic() {
			continue
		}
		c.List[q.Key] = byType[q.Type]
		m := map[string]string{}
		for _, o := range byType[q.Type] {
			m[o.Value] = o.Label
		}
		c.Opts[q.Key] = m
	}
	return c, nil
}
