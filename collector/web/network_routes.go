package web

// networkRoutes are the routes of network discovery (SNMP jobs, results, import).
func (s *Server) networkRoutes() []route {
	return nil
}
