package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// adminFormSettings saves a form's settings: names, descriptions, tile,
// roles, active flag and catalogue position, and its target ticket.
func (s *Server) adminFormSettings(w http.ResponseWriter, r *http.Request) {
	sf, def, err := s.loadForm(r.Context(), pathID(r))
	if err != nil {
		s.formError(w, r, err)
		return
	}
	p := r.PostForm
	get := func(k string) string { return strings.TrimSpace(p.Get(k)) }
	num := func(k string) int64 { n, _ := strconv.ParseInt(get(k), 10, 64); return n }
	def.Name = forms.Text{FR: get("name_fr"), EN: get("name_en")}
	def.Description = forms.Text{FR: get("desc_fr"), EN: get("desc_en")}
	def.Icon, def.Color = get("icon"), get("color")
	def.Roles = nil
	for _, role := range p["roles"] {
		if store.ValidRole(role) {
			def.Roles = append(def.Roles, role)
		}
	}
	sf.Active = p.Get("active") == "1"
	sf.Position = int(num("position"))
	t := &def.Target
	t.Type, t.Urgency, t.Title = int(num("type")), int(num("urgency")), get("title")
	t.CategoryID, t.AssigneeGroupID, t.ObserverGroupID = num("category"), num("assignee_group"), num("observer_group")
	t.ObserverUserIDs = nil
	for _, v := range p["observers"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			t.ObserverUserIDs = append(t.ObserverUserIDs, id)
		}
	}
	t.Approval = forms.Approval{Kind: get("approval"), MinPercent: int(num("min_percent"))}
	switch t.Approval.Kind {
	case forms.ApprovalUser:
		t.Approval.UserID = num("approval_user")
	case forms.ApprovalGroup:
		t.Approval.GroupID = num("approval_group")
	case forms.ApprovalQuestion:
		t.Approval.Question = get("approval_question")
	}
	s.saveOrShow(w, r, sf, def, "#settings")
}
