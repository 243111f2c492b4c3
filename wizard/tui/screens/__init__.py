"""One module per screen; dialogs are `XModal(ModalScreen[T])`, one per module.

Screens are imported lazily by `wizard.tui.app`, so only the welcome screen costs start-up time.
"""
