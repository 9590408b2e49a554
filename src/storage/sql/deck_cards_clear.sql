DELETE FROM deck_cards
