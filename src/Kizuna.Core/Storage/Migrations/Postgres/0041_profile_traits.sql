-- Trait scopes of analytics (country = Japan) read the profiles holding a trait value from this table instead of
-- evaluating every profile's traits JSON: one row per profile and top-level trait, the value as text exactly as
-- ->> gives it (JSON null has no row). Triggers on profiles keep it: a write that changes the traits removes the
-- pairs that went and adds those that came.
CREATE TABLE profile_traits (
    workspace_id  bigint NOT NULL,
    name          text   NOT NULL,
    value         text   NOT NULL,
    profile_id    bigint NOT NULL,
    PRIMARY KEY (workspace_id, name, value, profile_id)
);

INSERT INTO profile_traits (workspace_id, name, value, profile_id)
SELECT p.workspace_id, e.key, e.value, p.id
FROM profiles p, jsonb_each_text(CASE WHEN jsonb_typeof(p.traits) = 'object' THEN p.traits ELSE '{}' END) e
WHERE e.value IS NOT NULL
ON CONFLICT DO NOTHING;

CREATE FUNCTION profile_traits_sync() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM profile_traits t
        USING (SELECT e.key, e.value FROM jsonb_each_text(CASE WHEN jsonb_typeof(OLD.traits) = 'object' THEN OLD.traits ELSE '{}' END) e
               WHERE e.value IS NOT NULL
               EXCEPT
               SELECT e.key, e.value FROM jsonb_each_text(CASE WHEN TG_OP = 'UPDATE' AND jsonb_typeof(NEW.traits) = 'object' THEN NEW.traits ELSE '{}' END) e
               WHERE e.value IS NOT NULL) gone
        WHERE t.workspace_id = OLD.workspace_id AND t.name = gone.key AND t.value = gone.value AND t.profile_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO profile_traits (workspace_id, name, value, profile_id)
        SELECT NEW.workspace_id, e.key, e.value, NEW.id
        FROM jsonb_each_text(CASE WHEN jsonb_typeof(NEW.traits) = 'object' THEN NEW.traits ELSE '{}' END) e
        WHERE e.value IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER profile_traits_added AFTER INSERT ON profiles FOR EACH ROW EXECUTE FUNCTION profile_traits_sync();
CREATE TRIGGER profile_traits_changed AFTER UPDATE OF traits ON profiles FOR EACH ROW
    WHEN (OLD.traits IS DISTINCT FROM NEW.traits) EXECUTE FUNCTION profile_traits_sync();
CREATE TRIGGER profile_traits_deleted AFTER DELETE ON profiles FOR EACH ROW EXECUTE FUNCTION profile_traits_sync();
