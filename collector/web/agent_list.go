package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// agentsPerPage is the agents page's page size.
const agentsPerPage = 50

func init() {
	pageNames = append(pageNames, "agent_list", "agent_revoke")
}

// agentView is an agent as the page shows it.
type agentView struct {
	store.AgentRow
	Late bool
}

type agentListData struct {
	Query    string
	LateOnly bool
	Agents   []agentView
	Total    int
	Late     int    // late agents in the whole park, whatever the filter
	LateSpan string // e.g. "2 h": no contact for that long is late
	Pager    pager
	// ServerURL and Secret make the enrolment command; the secret is
	// shown to administrators only (empty for others).
	ServerURL, Secret string
}

// agentList shows every enrolled agent with its asset, version, last
// contact and inventory, and refused reports; late=1 keeps the agents
// without a contact for twice the contact period.
func (s *Server) agentList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ap, err := store.AgentPages(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	span := 2 * s.contactEvery()
	d := agentListData{Query: strings.TrimSpace(r.URL.Query().Get("q")), LateOnly: r.URL.Query().Get("late") == "1",
		LateSpan: spanText(span), ServerURL: s.expectedOrigin(r)}
	lateBefore := s.now().Add(-span)
	page := queryInt(r, "page", 1, 1, 1_000_000)
	f := store.AgentFilter{Query: d.Query, Limit: agentsPerPage, Offset: (page - 1) * agentsPerPage}
	if d.LateOnly {
		f.LateBefore = lateBefore
	}
	res, err := ap.ListAgentPage(ctx, f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Late, err = ap.CountLateAgents(ctx, lateBefore); err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, a := range res.Agents {
		d.Agents = append(d.Agents, agentView{AgentRow: a, Late: a.LastContactAt.Before(lateBefore)})
	}
	d.Total = res.Total
	if hasRole(r, store.RoleAdmin) {
		secret, err := s.st.GetSetting(ctx, store.SettingEnrollSecret)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.serverError(w, r, err)
			return
		}
		d.Secret = secret
	}
	v := url.Values{}
	if d.Query != "" {
		v.Set("q", d.Query)
	}
	if d.LateOnly {
		v.Set("late", "1")
	}
	v.Set("page", strconv.Itoa(page))
	d.Pager = newPager("/agents?"+v.Encode(), page, agentsPerPage, res.Total)
	s.render(w, r, http.StatusOK, "agent_list", s.newPage(r, "agents.title", "agents", d))
}

// spanText writes a duration in whole hours or minutes ("2 h", "90 min").
func spanText(d time.Duration) string {
	if d%time.Hour == 0 {
		return strconv.Itoa(int(d/time.Hour)) + " h"
	}
	return strconv.Itoa(int(d/time.Minute)) + " min"
}

// contactEvery is the agents' contact period.
func (s *Server) contactEvery() time.Duration {
	if s.opts.ContactEvery > 0 {
		return s.opts.ContactEvery
	}
	return time.Hour
}
