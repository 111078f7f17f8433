"""Handles incoming AppStream requests and hands them to the backend."""

import json
from typing import Any

from botocore.model import OperationModel, OperationNotFoundError
from moto.core.exceptions import (
    AccessDeniedError,
    InvalidClientTokenIdError,
    ServiceException,
    SignatureDoesNotMatchError,
)
from moto.core.responses import ActionResult, BaseResponse, EmptyResult
from moto.core.utils import get_service_model

from .exceptions import (
    AccessDeniedException,
    InvalidSignatureException,
    MalformedRequestError,
    SerializationException,
    UnknownOperationException,
    UnrecognizedClientException,
)
from .models import PAGE_SIZE, AppStreamBackend, appstream_backends
from .models.common import resource_arn
from .validation import check_content_type, decode_request_body, validate_request

TARGET_PREFIX = "PhotonAdminProxyService"

# The request member naming the resource each action is authorized against.
RESOURCE_MEMBERS = {
    "CreateFleet": ("fleet", "Name"),
    "UpdateFleet": ("fleet", "Name"),
    "DeleteFleet": ("fleet", "Name"),
    "StartFleet": ("fleet", "Name"),
    "StopFleet": ("fleet", "Name"),
    "ListAssociatedStacks": ("fleet", "FleetName"),
    "AssociateFleet": ("fleet", "FleetName"),
    "DisassociateFleet": ("fleet", "FleetName"),
    "CreateStack": ("stack", "Name"),
    "UpdateStack": ("stack", "Name"),
    "DeleteStack": ("stack", "Name"),
    "ListAssociatedFleets": ("stack", "StackName"),
}


def _other_members(params: dict[str, Any], *taken: str) -> dict[str, Any]:
    return {member: value for member, value in params.items() if member not in taken}


class AppStreamResponse(BaseResponse):
    """Reads AppStream's JSON 1.1 requests, rejecting malformed ones as AWS does."""

    def __init__(self) -> None:
        super().__init__(service_name="appstream")
        self.automated_parameter_parsing = True

    @property
    def appstream_backend(self) -> AppStreamBackend:
        return appstream_backends[self.current_account][self.region]

    def _dispatch(self, *args: Any, **kwargs: Any) -> Any:
        try:
            self.setup_class(*args, **kwargs)
            if not self._get_action():
                target = self.headers.get("X-Amz-Target")
                if target is None:
                    msg = "The request names no operation in an X-Amz-Target header."
                    raise UnknownOperationException(msg)
                raise UnknownOperationException(f"Unknown operation {target}")
        except MalformedRequestError as error:
            headers = dict(error.get_headers())
            return error.code, *self._enrich_response(headers, error.get_body())
        except ServiceException as error:
            status, response_headers, body = self.serialized(ActionResult(error))
            return status, *self._enrich_response(response_headers, body)
        return self.call_action()

    def serialized(self, action_result: ActionResult) -> Any:
        status, headers, body = super().serialized(action_result)
        if isinstance(action_result.result, ServiceException):
            # moto names the modeled member (Message); AWS's JSON errors carry
            # the lowercase key too, and some SDKs read only that one.
            error = json.loads(body)
            error["message"] = error.get("Message")
            body = json.dumps(error)
        return status, headers, body

    def setup_class(self, *args: Any, **kwargs: Any) -> None:
        # The body is decoded later, in parse_parameters, so that bytes that are
        # not UTF-8 become an AWS error rather than a crash.
        kwargs["use_raw_body"] = True
        try:
            super().setup_class(*args, **kwargs)
        except (OSError, EOFError):
            raise SerializationException("The request body could not be decompressed.")

    def _get_action(self) -> str:
        prefix, _, action = (self.headers.get("X-Amz-Target") or "").partition(".")
        return action if prefix == TARGET_PREFIX else ""

    def _operation_model(self) -> OperationModel:
        service_model = get_service_model(self.boto3_service_name)
        action = self._get_action()
        try:
            return service_model.operation_model(action)
        except OperationNotFoundError:
            raise UnknownOperationException(
                f"Unknown operation {TARGET_PREFIX}.{action}"
            )

    def parse_parameters(self, request: Any) -> None:
        operation_model = self._operation_model()
        check_content_type(self.headers.get("Content-Type"))
        body = decode_request_body(self.body)
        validate_request(operation_model.input_shape, body)
        super().parse_parameters(request)

    def _determine_resource(self) -> str:
        action = self._get_action()
        if action in ("TagResource", "UntagResource", "ListTagsForResource"):
            return str(self._get_param("ResourceArn", "*"))
        resource_type, member = RESOURCE_MEMBERS.get(action, (None, None))
        name = self._get_param(member) if member else None
        if resource_type is None or name is None:
            return "*"
        return resource_arn(
            self.current_account, self.region, f"{resource_type}/{name}"
        )

    def _authenticate_and_authorize_normal_action(self, resource: str = "*") -> None:
        # moto words its IAM refusals as XML; AppStream's clients read JSON.
        try:
            super()._authenticate_and_authorize_normal_action(resource)
        except AccessDeniedError as error:
            raise AccessDeniedException(f"{error.message} on resource: {resource}")
        except InvalidClientTokenIdError as error:
            raise UnrecognizedClientException(error.message)
        except SignatureDoesNotMatchError as error:
            raise InvalidSignatureException(error.message)

    def create_fleet(self) -> ActionResult:
        params = self._get_params()
        fleet = self.appstream_backend.create_fleet(
            name=params["Name"],
            instance_type=params["InstanceType"],
            fleet_type=params.get("FleetType"),
            image_name=params.get("ImageName"),
            image_arn=params.get("ImageArn"),
            tags=params.get("Tags"),
            settings=_other_members(
                params,
                "Name",
                "InstanceType",
                "FleetType",
                "ImageName",
                "ImageArn",
                "Tags",
            ),
        )
        return ActionResult({"Fleet": fleet})

    def describe_fleets(self) -> ActionResult:
        fleets, next_token = self.appstream_backend.describe_fleets(
            names=self._get_param("Names"),
            next_token=self._get_param("NextToken"),
        )
        return ActionResult({"Fleets": fleets, "NextToken": next_token})

    def update_fleet(self) -> ActionResult:
        params = self._get_params()
        fleet = self.appstream_backend.update_fleet(
            name=params.get("Name"),
            image_name=params.get("ImageName"),
            image_arn=params.get("ImageArn"),
            attributes_to_delete=params.get("AttributesToDelete"),
            delete_vpc_config=params.get("DeleteVpcConfig"),
            settings=_other_members(
                params,
                "Name",
                "ImageName",
                "ImageArn",
                "AttributesToDelete",
                "DeleteVpcConfig",
            ),
        )
        return ActionResult({"Fleet": fleet})

    def delete_fleet(self) -> EmptyResult:
        self.appstream_backend.delete_fleet(name=self._get_param("Name"))
        return EmptyResult()

    def start_fleet(self) -> EmptyResult:
        self.appstream_backend.start_fleet(name=self._get_param("Name"))
        return EmptyResult()

    def stop_fleet(self) -> EmptyResult:
        self.appstream_backend.stop_fleet(name=self._get_param("Name"))
        return EmptyResult()

    def create_stack(self) -> ActionResult:
        params = self._get_params()
        stack = self.appstream_backend.create_stack(
            name=params["Name"],
            tags=params.get("Tags"),
            settings=_other_members(params, "Name", "Tags"),
        )
        return ActionResult({"Stack": stack})

    def describe_stacks(self) -> ActionResult:
        stacks, next_token = self.appstream_backend.describe_stacks(
            names=self._get_param("Names"),
            next_token=self._get_param("NextToken"),
        )
        return ActionResult({"Stacks": stacks, "NextToken": next_token})

    def update_stack(self) -> ActionResult:
        params = self._get_params()
        stack = self.appstream_backend.update_stack(
            name=params["Name"],
            attributes_to_delete=params.get("AttributesToDelete"),
            delete_storage_connectors=params.get("DeleteStorageConnectors"),
            settings=_other_members(
                params, "Name", "AttributesToDelete", "DeleteStorageConnectors"
            ),
        )
        return ActionResult({"Stack": stack})

    def delete_stack(self) -> EmptyResult:
        self.appstream_backend.delete_stack(name=self._get_param("Name"))
        return EmptyResult()

    def associate_fleet(self) -> EmptyResult:
        self.appstream_backend.associate_fleet(
            fleet_name=self._get_param("FleetName"),
            stack_name=self._get_param("StackName"),
        )
        return EmptyResult()

    def disassociate_fleet(self) -> EmptyResult:
        self.appstream_backend.disassociate_fleet(
            fleet_name=self._get_param("FleetName"),
            stack_name=self._get_param("StackName"),
        )
        return EmptyResult()

    def list_associated_fleets(self) -> ActionResult:
        fleets, next_token = self.appstream_backend.list_associated_fleets(
            stack_name=self._get_param("StackName"),
            next_token=self._get_param("NextToken"),
        )
        names = [fleet.name for fleet in fleets]
        return ActionResult({"Names": names, "NextToken": next_token})

    def list_associated_stacks(self) -> ActionResult:
        stacks, next_token = self.appstream_backend.list_associated_stacks(
            fleet_name=self._get_param("FleetName"),
            next_token=self._get_param("NextToken"),
        )
        names = [stack.name for stack in stacks]
        return ActionResult({"Names": names, "NextToken": next_token})

    def create_user(self) -> EmptyResult:
        self.appstream_backend.create_user(
            user_name=self._get_param("UserName"),
            authentication_type=self._get_param("AuthenticationType"),
            message_action=self._get_param("MessageAction"),
            first_name=self._get_param("FirstName"),
            last_name=self._get_param("LastName"),
        )
        return EmptyResult()

    def describe_users(self) -> ActionResult:
        users, next_token = self.appstream_backend.describe_users(
            authentication_type=self._get_param("AuthenticationType"),
            max_results=self._get_param("MaxResults"),
            next_token=self._get_param("NextToken"),
        )
        return ActionResult({"Users": users, "NextToken": next_token})

    def enable_user(self) -> EmptyResult:
        self.appstream_backend.enable_user(
            user_name=self._get_param("UserName"),
            authentication_type=self._get_param("AuthenticationType"),
        )
        return EmptyResult()

    def disable_user(self) -> EmptyResult:
        self.appstream_backend.disable_user(
            user_name=self._get_param("UserName"),
            authentication_type=self._get_param("AuthenticationType"),
        )
        return EmptyResult()

    def delete_user(self) -> EmptyResult:
        self.appstream_backend.delete_user(
            user_name=self._get_param("UserName"),
            authentication_type=self._get_param("AuthenticationType"),
        )
        return EmptyResult()

    def batch_associate_user_stack(self) -> ActionResult:
        errors = self.appstream_backend.batch_associate_user_stack(
            user_stack_associations=self._get_param("UserStackAssociations"),
        )
        return ActionResult({"errors": errors})

    def batch_disassociate_user_stack(self) -> ActionResult:
        errors = self.appstream_backend.batch_disassociate_user_stack(
            user_stack_associations=self._get_param("UserStackAssociations"),
        )
        return ActionResult({"errors": errors})

    def describe_user_stack_associations(self) -> ActionResult:
        # A page holds at most what the output list shape allows.
        max_results = min(self._get_param("MaxResults") or PAGE_SIZE, PAGE_SIZE)
        associations, next_token = (
            self.appstream_backend.describe_user_stack_associations(
                stack_name=self._get_param("StackName"),
                user_name=self._get_param("UserName"),
                authentication_type=self._get_param("AuthenticationType"),
                max_results=max_results,
                next_token=self._get_param("NextToken"),
            )
        )
        return ActionResult(
            {"UserStackAssociations": associations, "NextToken": next_token}
        )

    def describe_images(self) -> ActionResult:
        images, next_token = self.appstream_backend.describe_images(
            names=self._get_param("Names"),
            arns=self._get_param("Arns"),
            type=self._get_param("Type"),
            max_results=self._get_param("MaxResults"),
            next_token=self._get_param("NextToken"),
        )
        return ActionResult({"Images": images, "NextToken": next_token})

    def tag_resource(self) -> EmptyResult:
        self.appstream_backend.tag_resource(
            resource_arn=self._get_param("ResourceArn"),
            tags=self._get_param("Tags"),
        )
        return EmptyResult()

    def untag_resource(self) -> EmptyResult:
        self.appstream_backend.untag_resource(
            resource_arn=self._get_param("ResourceArn"),
            tag_keys=self._get_param("TagKeys"),
        )
        return EmptyResult()

    def list_tags_for_resource(self) -> ActionResult:
        tags = self.appstream_backend.list_tags_for_resource(
            resource_arn=self._get_param("ResourceArn"),
        )
        return ActionResult({"Tags": tags})
