package web

// agentRoutes are the routes of the enrolled agents.
func (s *Server) agentRoutes() []route {
	return nil
}
