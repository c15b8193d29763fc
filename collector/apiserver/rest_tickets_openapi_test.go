package apiserver

import "testing"

// TestOpenAPITickets keeps the tickets' part of pkg/api/openapi.yaml in
// step with rest_tickets_types.go: every route documented, every schema's
// properties the struct's JSON names.
func TestOpenAPITickets(t *testing.T) {
	doc := loadOpenAPI(t)
	doc.checkOperations(t, []apiOp{
		{"get", PathTickets}, {"post", PathTickets}, {"get", PathTickets + "/{id}"},
		{"post", PathTickets + "/{id}/followups"}, {"post", PathTickets + "/{id}/solution"},
	})
	doc.checkSchemas(t, map[string]any{
		"Ticket": TicketJSON{}, "TicketList": TicketListJSON{}, "TicketDetail": TicketDetailJSON{},
		"TicketActor": TicketActorJSON{}, "TicketFollowup": FollowupJSON{}, "TicketTask": TaskJSON{}, "TicketSolution": SolutionJSON{},
		"TicketAsset": TicketAssetJSON{}, "TicketInput": TicketInput{}, "FollowupInput": FollowupInput{},
		"SolutionInput": SolutionInput{}, "TicketApprovals": TicketApprovalsJSON{}, "TicketApproval": TicketApprovalJSON{},
	})
}
