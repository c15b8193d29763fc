package web

// adminRoutes are the routes of administration (groups, categories, priority matrix, helpdesk settings).
func (s *Server) adminRoutes() []route {
	return nil
}
