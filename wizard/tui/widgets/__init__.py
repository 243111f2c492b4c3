"""Small widgets the screens are built from; none of them knows about the tree's logic."""
