SELECT deck_id, new, young, mature, suspended
FROM deck_cards
WHERE new + young + mature + suspended > 0
ORDER BY deck_id
