"""Drawing questions that a group has not had before."""
