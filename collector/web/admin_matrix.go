package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/i18n"
)

// adminMatrixSave stores the priority matrix posted as 25 fields
// "p_<urgency>_<impact>", each a priority from 1 to 6. New tickets and
// edits take it at once; existing tickets keep their priority.
func (s *Server) adminMatrixSave(w http.ResponseWriter, r *http.Request) {
	var m helpdesk.Matrix
	for u := 1; u <= helpdesk.MaxLevel; u++ {
		for i := 1; i <= helpdesk.MaxLevel; i++ {
			p, err := strconv.Atoi(r.PostForm.Get(fmt.Sprintf("p_%d_%d", u, i)))
			if err != nil {
				p = 0 // Validate names the cell
			}
			m[u-1][i-1] = p
		}
	}
	if err := m.Validate(); err != nil {
		s.renderAdminHome(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "admin.bad_matrix", helpdesk.MaxPriority), &m)
		return
	}
	if err := s.st.SetSetting(r.Context(), SettingPriorityMatrix, m.String()); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("priority matrix changed", "matrix", m.String(), "by", actor(r))
	redirect(w, r, "/admin?saved=matrix")
}

// adminMatrixReset puts GLPI's default matrix back.
func (s *Server) adminMatrixReset(w http.ResponseWriter, r *http.Request) {
	if err := s.st.SetSetting(r.Context(), SettingPriorityMatrix, helpdesk.DefaultMatrix.String()); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("priority matrix reset to the default", "by", actor(r))
	redirect(w, r, "/admin?saved=matrix")
}
