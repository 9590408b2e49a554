SELECT deck_id, new, young, mature
FROM deck_cards
WHERE new + young + mature > 0
ORDER BY deck_id
