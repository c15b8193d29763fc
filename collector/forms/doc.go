// Package forms is the service catalogue's logic, without HTTP or SQL: the
// definition of a form (bilingual sections and questions with their
// validation and "show if" conditions, and what the form creates), its
// checks for the builder (Validate), the checks of a user's answers
// (ValidateAnswers), the ticket title template and the ticket description
// built from the visible answers.
package forms
